package dev.quillstream.generation.job;

import dev.quillstream.content.Book;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The part of a book a conversation message names: "rewrite chapter 2 section 1 with more examples"
 * (numbers in digits or words up to twenty), else the chapter or section whose title shares the most
 * words with the message. Numbers outside the book name nothing.
 *
 * @param chapter 1-based
 * @param section 1-based; null for the whole chapter
 */
record BookRevisionTarget(int chapter, @Nullable Integer section) {

    private static final List<String> NUMBERS = List.of(
            "one",
            "two",
            "three",
            "four",
            "five",
            "six",
            "seven",
            "eight",
            "nine",
            "ten",
            "eleven",
            "twelve",
            "thirteen",
            "fourteen",
            "fifteen",
            "sixteen",
            "seventeen",
            "eighteen",
            "nineteen",
            "twenty");
    private static final String NUMBER = "(\\d{1,2}|" + String.join("|", NUMBERS) + ")";
    private static final Pattern CHAPTER = Pattern.compile("\\b(?:chapter|ch\\.?)\\s*" + NUMBER + "\\b");
    private static final Pattern SECTION = Pattern.compile("\\b(?:section|sec\\.?|part)\\s*" + NUMBER + "\\b");
    private static final Pattern DOTTED = Pattern.compile("\\b(\\d{1,2})\\.(\\d{1,2})\\b");
    private static final Set<String> STOP = Set.of(
            "the", "and", "for", "with", "make", "please", "more", "less", "section", "chapter", "part", "rewrite",
            "this", "that", "about", "your", "shorter", "longer", "again", "write");

    static Optional<BookRevisionTarget> find(Book book, String instruction) {
        String text = instruction.toLowerCase(Locale.ROOT);
        Integer chapter = number(CHAPTER.matcher(text));
        Integer section = number(SECTION.matcher(text));
        Matcher dotted = DOTTED.matcher(text);
        if (chapter == null && dotted.find()) {
            chapter = Integer.parseInt(dotted.group(1));
            section = Integer.parseInt(dotted.group(2));
        }
        if (chapter != null) {
            return valid(book, chapter, section);
        }
        return byTitle(book, words(text));
    }

    private static Optional<BookRevisionTarget> valid(Book book, int chapter, @Nullable Integer section) {
        if (chapter < 1 || chapter > book.chapters().size()) {
            return Optional.empty();
        }
        int sections = book.chapters().get(chapter - 1).topics().size();
        if (section != null && (section < 1 || section > sections)) {
            return Optional.empty();
        }
        return Optional.of(new BookRevisionTarget(chapter, section));
    }

    private static Optional<BookRevisionTarget> byTitle(Book book, Set<String> words) {
        BookRevisionTarget best = null;
        double bestScore = 0;
        for (Book.Chapter chapter : book.chapters()) {
            double score = overlap(words, chapter.title());
            if (score > bestScore) {
                best = new BookRevisionTarget(chapter.number(), null);
                bestScore = score;
            }
            for (int s = 0; s < chapter.topics().size(); s++) {
                double sectionScore = overlap(words, chapter.topics().get(s).title());
                if (sectionScore > bestScore) {
                    best = new BookRevisionTarget(chapter.number(), s + 1);
                    bestScore = sectionScore;
                }
            }
        }
        return bestScore >= 0.5 ? Optional.of(best) : Optional.empty();
    }

    private static @Nullable Integer number(Matcher matcher) {
        if (!matcher.find()) {
            return null;
        }
        String found = matcher.group(1);
        return found.chars().allMatch(Character::isDigit) ? Integer.valueOf(found) : NUMBERS.indexOf(found) + 1;
    }

    private static double overlap(Set<String> instruction, String title) {
        Set<String> titleWords = words(title.toLowerCase(Locale.ROOT));
        if (titleWords.isEmpty()) {
            return 0;
        }
        return (double) titleWords.stream().filter(instruction::contains).count() / titleWords.size();
    }

    private static Set<String> words(String text) {
        return Arrays.stream(text.split("[^\\p{L}\\p{N}]+"))
                .filter(w -> w.length() > 2 && !STOP.contains(w))
                .collect(Collectors.toSet());
    }
}
