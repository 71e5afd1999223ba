package dev.quillstream.generation.blog;

import static dev.quillstream.llm.JsonSchemas.arrayOf;
import static dev.quillstream.llm.JsonSchemas.object;
import static dev.quillstream.llm.JsonSchemas.string;

import dev.quillstream.generation.support.Prompts;
import dev.quillstream.generation.support.StructuredAsk;
import dev.quillstream.llm.ChatMessage;
import dev.quillstream.llm.ModelException.MalformedOutput;
import dev.quillstream.llm.ModelRequest;
import dev.quillstream.llm.ModelTier;
import dev.quillstream.llm.ResponseSchema;
import dev.quillstream.llm.StructuredOutput;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Title, meta description, slug and tags. The model proposes; the lengths, the slug's characters
 * and the tag list are then made valid deterministically, so search-facing fields never break.
 */
final class SeoMetadataStep implements BlogStep {

    static final int TITLE_MAX = 60;
    static final int DESCRIPTION_MAX = 160;
    static final int SLUG_MAX = 75;
    static final int TAGS = 5;

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
        if (seo.title() == null || seo.title().isBlank() || seo.title().length() > TITLE_MAX) {
            problems.add("the title must be 1 to " + TITLE_MAX + " characters");
        }
        if (seo.metaDescription() == null
                || seo.metaDescription().isBlank()
                || seo.metaDescription().length() > DESCRIPTION_MAX) {
            problems.add("the meta description must be 1 to " + DESCRIPTION_MAX + " characters");
        }
        return problems;
    }

    static BlogDraft.SeoMetadata normalise(BlogDraft.SeoMetadata proposed, BlogRun run) {
        String title = blankOr(proposed.title(), run.draft.outline.title());
        title = MarkdownText.shorten(title, TITLE_MAX);
        String description = MarkdownText.shorten(blankOr(proposed.metaDescription(), title), DESCRIPTION_MAX);
        String slug = slug(blankOr(proposed.slug(), title));
        Set<String> tags = new LinkedHashSet<>();
        run.request.keywords().forEach(k -> tags.add(k.toLowerCase(Locale.ROOT)));
        proposed.tags().stream()
                .filter(t -> t != null && !t.isBlank())
                .map(t -> t.strip().toLowerCase(Locale.ROOT))
                .forEach(tags::add);
        if (tags.isEmpty()) {
            tags.add(run.request.topic().toLowerCase(Locale.ROOT));
        }
        return new BlogDraft.SeoMetadata(
                title,
                description,
                slug,
                tags.stream()
                        .limit(Math.max(TAGS, run.request.keywords().size()))
                        .toList());
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
        variables.put("title_max", Integer.toString(TITLE_MAX));
        variables.put("description_max", Integer.toString(DESCRIPTION_MAX));
        variables.put("tags", Integer.toString(TAGS));
        return ModelRequest.of(
                        ModelTier.FAST,
                        List.of(
                                ChatMessage.system(Prompts.render("blog/system", variables)),
                                ChatMessage.user(Prompts.render("blog/seo", variables))))
                .withSchema(schema())
                .withTemperature(0.3)
                .withHints(run.hints("seo", run.request.topic(), 30));
    }

    static ResponseSchema schema() {
        return new ResponseSchema(
                "blog_seo",
                object(
                        "title",
                                string("SEO title, at most " + TITLE_MAX
                                        + " characters, primary keyword near the start"),
                        "meta_description", string("meta description, at most " + DESCRIPTION_MAX + " characters"),
                        "slug", string("URL slug: lower-case words joined by hyphens"),
                        "tags", arrayOf(string("a tag"), TAGS, "tags for the post")));
    }
}
