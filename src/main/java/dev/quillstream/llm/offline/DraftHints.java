package dev.quillstream.llm.offline;

import dev.quillstream.llm.ModelRequest;
import java.util.Arrays;
import java.util.List;

/**
 * The hints of a request the offline drafts are composed from, with defaults.
 *
 * @param citations source numbers the draft may cite as {@code [n]} (hint {@code citations}, comma-separated)
 */
record DraftHints(
        String topic, List<String> keywords, String subject, String kind, int words, List<Integer> citations) {

    static DraftHints of(ModelRequest request) {
        String topic = request.hint("topic", "the topic");
        List<String> keywords = Arrays.stream(request.hint("keywords", "").split(","))
                .map(String::strip)
                .filter(k -> !k.isEmpty())
                .toList();
        int words;
        try {
            words = Integer.parseInt(request.hint("words", "180"));
        } catch (NumberFormatException e) {
            words = 180;
        }
        List<Integer> citations = Arrays.stream(request.hint("citations", "").split(","))
                .map(String::strip)
                .filter(c -> c.matches("\\d{1,3}"))
                .map(Integer::valueOf)
                .toList();
        return new DraftHints(
                topic,
                keywords,
                request.hint("subject", topic),
                request.hint("kind", "text"),
                Math.max(20, words),
                citations);
    }

    /** The i-th keyword, cycling; the topic when there are none. */
    String keyword(int i) {
        return keywords.isEmpty() ? topic : keywords.get(Math.floorMod(i, keywords.size()));
    }

    DraftHints about(String newSubject, int newWords) {
        return new DraftHints(topic, keywords, newSubject, kind, newWords, citations);
    }
}
