package dev.quillstream.seo.text;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Passive voice and transition words, the two style measures of common SEO readability tools. */
public final class Style {

    private static final Set<String> BE =
            Set.of("am", "is", "are", "was", "were", "be", "been", "being", "get", "gets", "got", "gotten");
    private static final Set<String> IRREGULAR_PARTICIPLES = Set.of(lines("seo/irregular-participles.txt"));
    private static final List<String> TRANSITIONS = List.of(lines("seo/transition-words.txt"));
    private static final Pattern TRANSITION = Pattern.compile(
            "\\b(?:" + TRANSITIONS.stream().map(Pattern::quote).collect(Collectors.joining("|")) + ")\\b",
            Pattern.CASE_INSENSITIVE);
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

    public static boolean hasTransition(String sentence) {
        return TRANSITION.matcher(sentence).find();
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
