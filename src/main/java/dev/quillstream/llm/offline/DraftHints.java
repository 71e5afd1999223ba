package dev.quillstream.llm.offline;

import dev.quillstream.llm.ModelRequest;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The hints of a request the offline drafts are composed from, with defaults.
 *
 * @param leadKeyword a keyword the first sentence must carry (introductions, conclusions); empty if none
 * @param original the text an editing request edits; the offline model cannot edit, so it returns it
 * @param citations source numbers the draft may cite as {@code [n]} (hint {@code citations}, comma-separated)
 */
record DraftHints(
        String topic,
        List<String> keywords,
        String subject,
        String kind,
        int words,
        String primaryKeyword,
        String leadKeyword,
        Bounds title,
        Bounds description,
        @Nullable String original,
        List<Integer> citations) {

    /** Character limits a text must respect; {@code max} 0 means none. */
    record Bounds(int min, int max) {
        boolean fits(String text) {
            return max == 0 || text.length() >= min && text.length() <= max;
        }
    }

    static DraftHints of(ModelRequest request) {
        String topic = request.hint("topic", "the topic");
        List<String> keywords = Arrays.stream(request.hint("keywords", "").split(","))
                .map(String::strip)
                .filter(k -> !k.isEmpty())
                .toList();
        String primary = request.hint("primary_keyword", keywords.isEmpty() ? topic : keywords.getFirst());
        return new DraftHints(
                topic,
                keywords,
                request.hint("subject", topic),
                request.hint("kind", "text"),
                Math.max(20, number(request.hint("words", "180"), 180)),
                primary,
                "",
                new Bounds(number(request.hint("title_min", "0"), 0), number(request.hint("title_max", "0"), 0)),
                new Bounds(
                        number(request.hint("description_min", "0"), 0),
                        number(request.hint("description_max", "0"), 0)),
                request.hints().get("original"),
                Arrays.stream(request.hint("citations", "").split(","))
                        .map(String::strip)
                        .filter(c -> c.matches("\\d{1,3}"))
                        .map(Integer::valueOf)
                        .toList());
    }

    private static int number(String text, int fallback) {
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    /** The i-th keyword, cycling; the topic when there are none. */
    String keyword(int i) {
        return keywords.isEmpty() ? topic : keywords.get(Math.floorMod(i, keywords.size()));
    }

    DraftHints about(String newSubject, int newWords) {
        return new DraftHints(
                topic,
                keywords,
                newSubject,
                kind,
                newWords,
                primaryKeyword,
                "",
                title,
                description,
                original,
                citations);
    }

    DraftHints leadingWith(String keyword) {
        return new DraftHints(
                topic,
                keywords,
                subject,
                kind,
                words,
                primaryKeyword,
                keyword,
                title,
                description,
                original,
                citations);
    }
}
