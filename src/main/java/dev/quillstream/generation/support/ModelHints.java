package dev.quillstream.generation.support;

import java.util.List;
import java.util.Map;

/**
 * The hints a request of a run carries (topic, keywords, what is written and how long), from which
 * the offline model composes its draft; real models read the prompt and ignore them.
 */
public final class ModelHints {

    private ModelHints() {}

    /**
     * @param kind what is written: {@code outline}, {@code subtopic}, {@code section}, {@code summary}...
     * @param subject the part's own title
     * @param words its target length; 0 when it is not prose
     */
    public static Map<String, String> of(String topic, List<String> keywords, String kind, String subject, int words) {
        return Map.of(
                "topic",
                topic,
                "keywords",
                String.join(",", keywords),
                "kind",
                kind,
                "subject",
                subject,
                "words",
                Integer.toString(words),
                "primary_keyword",
                keywords.isEmpty() ? topic : keywords.getFirst());
    }
}
