package dev.quillstream.generation.blog;

import static dev.quillstream.llm.JsonSchemas.arrayOf;
import static dev.quillstream.llm.JsonSchemas.object;
import static dev.quillstream.llm.JsonSchemas.string;

import dev.quillstream.content.BlogMetadata;
import dev.quillstream.generation.support.MarkdownText;
import dev.quillstream.generation.support.Prompts;
import dev.quillstream.generation.support.StructuredAsk;
import dev.quillstream.llm.ChatMessage;
import dev.quillstream.llm.ModelException.MalformedOutput;
import dev.quillstream.llm.ModelRequest;
import dev.quillstream.llm.ModelTier;
import dev.quillstream.llm.ResponseSchema;
import dev.quillstream.llm.StructuredOutput;
import dev.quillstream.seo.SeoAnalyzer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Title, meta description, slug, tags, related terms and image suggestions. The model proposes
 * within the SEO limits; the slug's characters, its keyword and the tag list are then made valid
 * deterministically, so search-facing fields never break. Lengths the model misses are repaired
 * later by a targeted rewrite ({@link SeoReviewStep}).
 */
final class SeoMetadataStep implements BlogStep {

    static final int TITLE_MAX = SeoAnalyzer.TITLE_MAX;
    static final int DESCRIPTION_MAX = SeoAnalyzer.DESCRIPTION_MAX;
    static final int SLUG_MAX = SeoAnalyzer.SLUG_MAX;
    static final int TAGS = 5;
    static final int RELATED_TERMS = 5;
    static final int IMAGES = 2;

    @Override
    public String name() {
        return "seo";
    }

    @Override
    public void run(BlogRun run) {
        BlogDraft.SeoMetadata proposed;
        try {
            proposed =
                    StructuredAsk.ask(run.model, request(run), BlogDraft.SeoMetadata.class, SeoMetadataStep::problems);
        } catch (MalformedOutput failure) {
            proposed = StructuredOutput.bindLeniently(failure, BlogDraft.SeoMetadata.class);
        }
        run.draft.seo = normalise(proposed, run);
    }

    static List<String> problems(BlogDraft.SeoMetadata seo) {
        List<String> problems = new ArrayList<>();
        if (seo.title() == null || seo.title().isBlank() || seo.title().length() > TITLE_MAX + 10) {
            problems.add("the title must be " + SeoAnalyzer.TITLE_MIN + " to " + TITLE_MAX + " characters");
        }
        if (seo.metaDescription() == null
                || seo.metaDescription().isBlank()
                || seo.metaDescription().length() > DESCRIPTION_MAX + 20) {
            problems.add("the meta description must be " + SeoAnalyzer.DESCRIPTION_MIN + " to " + DESCRIPTION_MAX
                    + " characters");
        }
        return problems;
    }

    static BlogDraft.SeoMetadata normalise(BlogDraft.SeoMetadata proposed, BlogRun run) {
        String title = MarkdownText.shorten(blankOr(proposed.title(), run.draft.outline.title()), TITLE_MAX);
        String description = MarkdownText.shorten(blankOr(proposed.metaDescription(), title), DESCRIPTION_MAX);
        String slug = slugWithKeyword(blankOr(proposed.slug(), title), primaryKeyword(run));
        Set<String> tags = new LinkedHashSet<>();
        run.request.keywords().forEach(k -> tags.add(k.toLowerCase(Locale.ROOT)));
        proposed.tags().stream()
                .filter(t -> t != null && !t.isBlank())
                .map(t -> t.strip().toLowerCase(Locale.ROOT))
                .forEach(tags::add);
        if (tags.isEmpty()) {
            tags.add(run.request.topic().toLowerCase(Locale.ROOT));
        }
        List<String> related = proposed.relatedTerms().stream()
                .filter(t -> t != null && !t.isBlank())
                .map(String::strip)
                .distinct()
                .limit(RELATED_TERMS)
                .toList();
        List<BlogMetadata.Seo.Image> images = proposed.images().stream()
                .filter(i -> i != null && i.altText() != null && !i.altText().isBlank())
                .map(i -> new BlogMetadata.Seo.Image(
                        blankOr(i.description(), i.altText()),
                        MarkdownText.shorten(i.altText(), SeoAnalyzer.ALT_TEXT_MAX),
                        blankOr(i.placement(), AssembleStep.INTRODUCTION)))
                .limit(IMAGES)
                .toList();
        return new BlogDraft.SeoMetadata(
                title,
                description,
                slug,
                tags.stream()
                        .limit(Math.max(TAGS, run.request.keywords().size()))
                        .toList(),
                related,
                images);
    }

    static String primaryKeyword(BlogRun run) {
        return run.request.keywords().isEmpty()
                ? run.request.topic()
                : run.request.keywords().getFirst();
    }

    /** A valid slug that contains the primary keyword: prefixed with it when the proposal left it out. */
    static String slugWithKeyword(String text, String keyword) {
        String slug = slug(text);
        String keywordSlug = slug(keyword);
        if (!("-" + slug + "-").contains("-" + keywordSlug + "-")) {
            slug = slug(keywordSlug + " " + slug);
        }
        return slug;
    }

    /** Lower-case ASCII letters, digits and single hyphens, at most {@value #SLUG_MAX} characters. */
    static String slug(String text) {
        String ascii = java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFKD)
                .replaceAll("\\p{M}", "");
        String slug =
                ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        if (slug.length() > SLUG_MAX) {
            int cut = slug.lastIndexOf('-', SLUG_MAX);
            slug = slug.substring(0, cut > 0 ? cut : SLUG_MAX);
        }
        return slug.isEmpty() ? "post" : slug;
    }

    private static String blankOr(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value.strip();
    }

    private static ModelRequest request(BlogRun run) {
        Map<String, String> variables = run.promptVariables();
        variables.put("title", run.draft.outline.title());
        variables.put("summary", BodySummary.of(run));
        variables.put("title_min", Integer.toString(SeoAnalyzer.TITLE_MIN));
        variables.put("title_max", Integer.toString(TITLE_MAX));
        variables.put("description_min", Integer.toString(SeoAnalyzer.DESCRIPTION_MIN));
        variables.put("description_max", Integer.toString(DESCRIPTION_MAX));
        variables.put("tags", Integer.toString(TAGS));
        variables.put("related_terms", Integer.toString(RELATED_TERMS));
        variables.put("images", Integer.toString(IMAGES));
        Map<String, String> hints = new HashMap<>(run.hints("seo", run.request.topic(), 30));
        hints.putAll(lengthHints(run));
        return ModelRequest.of(
                        ModelTier.FAST,
                        List.of(
                                ChatMessage.system(Prompts.render("blog/system", variables)),
                                ChatMessage.user(Prompts.render("blog/seo", variables))))
                .withSchema(schema())
                .withTemperature(0.3)
                .withHints(hints);
    }

    /** The limits, as hints for the offline model (real models read them in the prompt). */
    static Map<String, String> lengthHints(BlogRun run) {
        return Map.of(
                "primary_keyword", primaryKeyword(run),
                "title_min", Integer.toString(SeoAnalyzer.TITLE_MIN),
                "title_max", Integer.toString(TITLE_MAX),
                "description_min", Integer.toString(SeoAnalyzer.DESCRIPTION_MIN),
                "description_max", Integer.toString(DESCRIPTION_MAX));
    }

    static ResponseSchema schema() {
        var image = object(
                "description", string("what the image shows"),
                "alt_text", string("alt text, at most " + SeoAnalyzer.ALT_TEXT_MAX + " characters"),
                "placement", string("the heading of the section the image belongs to"));
        return new ResponseSchema(
                "blog_seo",
                object(
                        "title",
                                string("SEO title, " + SeoAnalyzer.TITLE_MIN + "-" + TITLE_MAX
                                        + " characters, primary keyword first"),
                        "meta_description",
                                string("meta description, " + SeoAnalyzer.DESCRIPTION_MIN + "-" + DESCRIPTION_MAX
                                        + " characters, with the primary keyword"),
                        "slug", string("URL slug: lower-case words joined by hyphens, with the primary keyword"),
                        "tags", arrayOf(string("a tag"), TAGS, "tags for the post"),
                        "related_terms",
                                arrayOf(
                                        string("a term searchers use for this topic"),
                                        RELATED_TERMS,
                                        "related terms the post uses"),
                        "images", arrayOf(image, IMAGES, "images the post should have")));
    }
}
