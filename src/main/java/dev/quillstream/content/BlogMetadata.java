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
        @Nullable Seo seo,
        List<EditPass> editing,
        List<Source> sources) {

    public BlogMetadata {
        timingsMs = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(timingsMs));
        keywords = List.copyOf(keywords);
        editing = editing == null ? List.of() : List.copyOf(editing);
        sources = sources == null ? List.of() : List.copyOf(sources);
    }

    /** Metadata of a post before its SEO review, editorial passes and research sources are attached. */
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
                null,
                List.of(),
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
                seo,
                editing,
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

    /** The same metadata with the SEO report attached. */
    public BlogMetadata withSeo(Seo report) {
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
                report,
                editing,
                sources);
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

    /**
     * The SEO report of the finished post: score, each check with its fix hint, readability, the
     * suggestions made (images, related terms, internal links), the page markup (JSON-LD, meta
     * tags) exports carry, and which targeted repairs the pipeline made.
     */
    public record Seo(
            int score,
            boolean passed,
            List<Check> checks,
            tools.jackson.databind.JsonNode readability,
            List<Image> images,
            List<String> relatedTerms,
            List<Link> internalLinks,
            List<tools.jackson.databind.JsonNode> jsonLd,
            Map<String, String> metaTags,
            List<String> repairs) {

        public Seo {
            checks = List.copyOf(checks);
            images = List.copyOf(images);
            relatedTerms = List.copyOf(relatedTerms);
            internalLinks = List.copyOf(internalLinks);
            jsonLd = List.copyOf(jsonLd);
            metaTags = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(metaTags));
            repairs = List.copyOf(repairs);
        }

        public record Check(String id, String name, boolean passed, String value, String expected, String hint) {}

        public record Image(String description, String altText, String placement) {}

        public record Link(String title, String url, String anchorText) {}
    }

    /**
     * An editorial pass over the post (proofread, humanize).
     *
     * @param rewritten parts whose new text was kept
     * @param keptOriginal parts whose rewrite broke an invariant (citations, keywords, headings) and was discarded
     */
    public record EditPass(String name, int rewritten, int keptOriginal, List<String> problems) {
        public EditPass {
            problems = List.copyOf(problems);
        }
    }

    /** Body sections and subtopics per section, as planned by the outline and honoured by the post. */
    public record Structure(int bodySections, int subtopicsPerSection, int faqQuestions) {}
}
