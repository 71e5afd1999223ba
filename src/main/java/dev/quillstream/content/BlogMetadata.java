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

    /**
     * Model calls, tokens and money spent on the post.
     *
     * @param calls model calls, answers served from the response cache included
     * @param cachedCalls calls answered from the cache: no provider was asked, nothing was charged
     * @param costUsd what the providers charge for the post, at the configured prices
     * @param providers the same figures per provider and model, in order of first use
     */
    public record Usage(
            int calls,
            long promptTokens,
            long completionTokens,
            long totalTokens,
            double costUsd,
            int cachedCalls,
            List<ProviderUsage> providers) {

        public Usage {
            providers = providers == null ? List.of() : List.copyOf(providers);
        }

        public Usage(int calls, long promptTokens, long completionTokens, long totalTokens) {
            this(calls, promptTokens, completionTokens, totalTokens, 0, 0, List.of());
        }
    }

    /** One provider's and model's share of a post's usage. */
    public record ProviderUsage(
            String provider,
            String model,
            int calls,
            int cachedCalls,
            long promptTokens,
            long completionTokens,
            double costUsd) {}

    /** Body sections and subtopics per section, as planned by the outline and honoured by the post. */
    public record Structure(int bodySections, int subtopicsPerSection, int faqQuestions) {}
}
