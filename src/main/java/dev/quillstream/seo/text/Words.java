package dev.quillstream.seo.text;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Words, sentences and syllables of plain text. */
public final class Words {

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}'’-]*");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private Words() {}

    public static List<String> of(String text) {
        List<String> words = new ArrayList<>();
        Matcher matcher = WORD.matcher(text);
        while (matcher.find()) {
            words.add(matcher.group());
        }
        return words;
    }

    public static int count(String text) {
        int count = 0;
        Matcher matcher = WORD.matcher(text);
        while (matcher.find()) {
            count++;
        }
        return count;
    }

    public static List<String> sentences(String text) {
        List<String> sentences = new ArrayList<>();
        BreakIterator iterator = BreakIterator.getSentenceInstance(Locale.ENGLISH);
        String flat = WHITESPACE.matcher(text).replaceAll(" ");
        iterator.setText(flat);
        int start = iterator.first();
        for (int end = iterator.next(); end != BreakIterator.DONE; start = end, end = iterator.next()) {
            String sentence = flat.substring(start, end).strip();
            if (count(sentence) > 0) {
                sentences.add(sentence);
            }
        }
        return sentences;
    }

    /**
     * English syllables by vowel groups, with the usual corrections for silent endings ("-es",
     * "-ed", "-e") and a leading "y". A loop over the letters rather than regular expressions: it
     * runs for every word of every readability check, and compiling three patterns per word made it
     * the largest allocator in the streaming benchmark (28 % of the server's allocations, JFR).
     */
    public static int syllables(String word) {
        String lower = word.toLowerCase(Locale.ROOT);
        char[] w = new char[lower.length()];
        int end = 0;
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            if (c >= 'a' && c <= 'z') {
                w[end++] = c;
            }
        }
        if (end <= 3) {
            return 1;
        }
        if (w[end - 1] == 's' && w[end - 2] == 'e' && !keepsEnding(w[end - 3])) {
            end -= 3;
        } else if (w[end - 2] == 'e' && w[end - 1] == 'd') {
            end -= 2;
        } else if (w[end - 1] == 'e' && !keepsEnding(w[end - 2])) {
            end -= 2;
        }
        int count = 0;
        boolean inGroup = false;
        for (int i = w[0] == 'y' ? 1 : 0; i < end; i++) {
            boolean vowel = isVowel(w[i]);
            if (vowel && !inGroup) {
                count++;
            }
            inGroup = vowel;
        }
        return Math.max(1, count);
    }

    private static boolean isVowel(char c) {
        return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y';
    }

    /** A letter before a final "e" or "es" that keeps it sounded ("apple", "free"). */
    private static boolean keepsEnding(char c) {
        return c == 'l' || isVowel(c);
    }
}
