package dev.quillstream.seo.text;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Passive voice and transition words, the two style measures of common SEO readability tools. */
public final class Style {

    private static final Set<String> BE =
            Set.of("am", "is", "are", "was", "were", "be", "been", "being", "get", "gets", "got", "gotten");
    private static final Set<String> IRREGULAR_PARTICIPLES = Set.of(lines("seo/irregular-participles.txt"));
    /** Lower-case words and phrases, each starting and ending with a letter (checked on load). */
    private static final List<String> TRANSITIONS = transitions(lines("seo/transition-words.txt"));
    /** Words ending in -ed that are not participles after "is"/"are" (adjectives readers see as active). */
    private static final Set<String> NOT_PARTICIPLES =
            Set.of("need", "indeed", "bed", "red", "shed", "seed", "feed", "speed", "based");

    private Style() {}

    /** A form of "to be" (or "get") followed, within two words, by a past participle. */
    public static boolean isPassive(String sentence) {
        List<String> words = Words.of(sentence.toLowerCase(Locale.ROOT));
        for (int i = 0; i < words.size(); i++) {
            if (!BE.contains(words.get(i))) {
                continue;
            }
            for (int j = i + 1; j <= i + 3 && j < words.size(); j++) {
                String word = words.get(j);
                if (participle(word)) {
                    return true;
                }
                if (!word.endsWith("ly") && !word.equals("not") && !word.equals("being") && !word.equals("been")) {
                    break;
                }
            }
        }
        return false;
    }

    /**
     * Whether a transition word or phrase occurs as a whole word, ignoring ASCII case: what {@code
     * \b(?:accordingly|additionally|...)\b} with {@code CASE_INSENSITIVE} finds (word boundaries
     * as {@link java.util.regex.Pattern} defines them), by string search. That regular expression,
     * tried at every position of every sentence, was a fifth of the SEO analysis's time.
     */
    public static boolean hasTransition(String sentence) {
        String lower = asciiLowerCase(sentence);
        for (String transition : TRANSITIONS) {
            for (int at = lower.indexOf(transition); at >= 0; at = lower.indexOf(transition, at + 1)) {
                if (!wordBefore(sentence, at) && !wordAt(sentence, at + transition.length())) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String asciiLowerCase(String text) {
        char[] chars = text.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            if (chars[i] >= 'A' && chars[i] <= 'Z') {
                chars[i] += 'a' - 'A';
            }
        }
        return new String(chars);
    }

    private static boolean wordBefore(String text, int index) {
        return index > 0 && word(text, text.codePointBefore(index), index - 1);
    }

    private static boolean wordAt(String text, int index) {
        return index < text.length() && word(text, text.codePointAt(index), index);
    }

    /**
     * A word character for a regex word boundary: an ASCII letter, digit or '_', or a combining
     * mark whose base character (before {@code index}, marks skipped) is a letter or digit.
     */
    private static boolean word(String text, int c, int index) {
        return asciiWord(c) || (Character.getType(c) == Character.NON_SPACING_MARK && hasBase(text, index));
    }

    private static boolean hasBase(String text, int index) {
        for (int i = index; i >= 0; i--) {
            int c = text.codePointAt(i);
            if (Character.isLetterOrDigit(c)) {
                return true;
            }
            if (Character.getType(c) != Character.NON_SPACING_MARK) {
                return false;
            }
        }
        return false;
    }

    private static boolean asciiWord(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
    }

    private static List<String> transitions(String[] lines) {
        for (String line : lines) {
            if (!line.matches("[a-z](?:[a-z ]*[a-z])?")) {
                throw new IllegalStateException("a transition must be lower-case letters and spaces: " + line);
            }
        }
        return List.of(lines);
    }

    private static boolean participle(String word) {
        return (word.endsWith("ed") && word.length() > 4 && !NOT_PARTICIPLES.contains(word))
                || IRREGULAR_PARTICIPLES.contains(word);
    }

    private static String[] lines(String resource) {
        try (InputStream in = Style.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            return Arrays.stream(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\\R"))
                    .map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .toArray(String[]::new);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
