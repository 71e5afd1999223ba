package dev.quillstream.content;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * How a post was made.
 *
 * @param provider the providers that answered, comma-separated
 * @param offline true when any part was drafted by the offline model: such a post is a draft only
 * @param timingsMs wall time per pipeline step, in milliseconds
 * @param structure the outline's shape the post was validated against
 */
public record BlogMetadata(
        String provider,
        String model,
        boolean offline,
        Usage usage,
        Map<String, Long> timingsMs,
        String slug,
        String tone,
        String language,
        List<String> keywords,
        String generatedAt,
        @Nullable String conversationId,
        Structure structure) {

    public BlogMetadata {
        timingsMs = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(timingsMs));
        keywords = List.copyOf(keywords);
    }

    /** Model calls and tokens spent on the post. */
    public record Usage(int calls, long promptTokens, long completionTokens, long totalTokens) {}

    /** Body sections and subtopics per section, as planned by the outline and honoured by the post. */
    public record Structure(int bodySections, int subtopicsPerSection, int faqQuestions) {}
}
