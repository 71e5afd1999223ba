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
 * @param sources for a researched post, every source gathered, cited or not, with the sections
 *     citing it; empty otherwise
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
        Structure structure,
        List<Source> sources) {

    public BlogMetadata {
        timingsMs = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(timingsMs));
        keywords = List.copyOf(keywords);
        sources = sources == null ? List.of() : List.copyOf(sources);
    }

    /** Metadata of a post written without research (no sources). */
    public BlogMetadata(
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
        this(
                provider,
                model,
                offline,
                usage,
                timingsMs,
                slug,
                tone,
                language,
                keywords,
                generatedAt,
                conversationId,
                structure,
                List.of());
    }

    public BlogMetadata withSources(List<Source> newSources) {
        return new BlogMetadata(
                provider,
                model,
                offline,
                usage,
                timingsMs,
                slug,
                tone,
                language,
                keywords,
                generatedAt,
                conversationId,
                structure,
                newSources);
    }

    /**
     * A source a researched post drew on.
     *
     * @param number its number in the post's references ({@code [n]}); null when no part cited it
     * @param foundBy the research sources that returned it ({@code serp}, {@code tavily}, {@code exa}, {@code local})
     * @param sections the titles of the sections that cite it, in post order
     */
    public record Source(
            @Nullable Integer number, String title, String url, List<String> foundBy, List<String> sections) {
        public Source {
            foundBy = List.copyOf(foundBy);
            sections = List.copyOf(sections);
        }
    }

    /** Model calls and tokens spent on the post. */
    public record Usage(int calls, long promptTokens, long completionTokens, long totalTokens) {}

    /** Body sections and subtopics per section, as planned by the outline and honoured by the post. */
    public record Structure(int bodySections, int subtopicsPerSection, int faqQuestions) {}
}
