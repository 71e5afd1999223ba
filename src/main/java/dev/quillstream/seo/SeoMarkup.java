package dev.quillstream.seo;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** Builds a post's schema.org JSON-LD and social meta tags, deterministically, from what the post says. */
public final class SeoMarkup {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /**
     * @param siteUrl the blog's base URL (e.g. {@code https://example.com/blog}); without one, URLs are relative
     * @param published ISO date of publication
     * @param image an image URL, when the post has one
     */
    public StructuredData markup(
            SeoDocument document, @Nullable String siteUrl, String published, @Nullable String image) {
        String base = siteUrl == null || siteUrl.isBlank() ? "" : siteUrl.replaceAll("/+$", "");
        String url = base + "/" + document.slug();
        ObjectNode posting = NODES.objectNode()
                .put("@context", "https://schema.org")
                .put("@type", "BlogPosting")
                .put("headline", document.title())
                .put("description", document.metaDescription())
                .put("datePublished", published)
                .put("dateModified", published)
                .put("keywords", String.join(", ", document.keywords()))
                .put("url", url);
        posting.putObject("mainEntityOfPage").put("@type", "WebPage").put("@id", url);
        if (image != null) {
            posting.put("image", image);
        }
        if (!document.citedSources().isEmpty()) {
            ArrayNode citations = posting.putArray("citation");
            document.citedSources().forEach(citations::add);
        }
        ObjectNode faq =
                NODES.objectNode().put("@context", "https://schema.org").put("@type", "FAQPage");
        ArrayNode questions = faq.putArray("mainEntity");
        for (SeoDocument.Faq entry : document.faq()) {
            ObjectNode question = questions.addObject().put("@type", "Question").put("name", entry.question());
            question.putObject("acceptedAnswer").put("@type", "Answer").put("text", entry.answer());
        }
        ObjectNode breadcrumbs =
                NODES.objectNode().put("@context", "https://schema.org").put("@type", "BreadcrumbList");
        ArrayNode items = breadcrumbs.putArray("itemListElement");
        items.addObject()
                .put("@type", "ListItem")
                .put("position", 1)
                .put("name", "Blog")
                .put("item", base.isEmpty() ? "/" : base);
        items.addObject()
                .put("@type", "ListItem")
                .put("position", 2)
                .put("name", document.title())
                .put("item", url);

        Map<String, String> meta = new LinkedHashMap<>();
        meta.put("description", document.metaDescription());
        meta.put("keywords", String.join(", ", document.keywords()));
        meta.put("og:type", "article");
        meta.put("og:title", document.title());
        meta.put("og:description", document.metaDescription());
        meta.put("og:url", url);
        meta.put("article:published_time", published);
        meta.put("twitter:card", image == null ? "summary" : "summary_large_image");
        meta.put("twitter:title", document.title());
        meta.put("twitter:description", document.metaDescription());
        if (image != null) {
            meta.put("og:image", image);
            meta.put("twitter:image", image);
        }
        List<JsonNode> jsonLd =
                document.faq().isEmpty() ? List.of(posting, breadcrumbs) : List.of(posting, faq, breadcrumbs);
        return new StructuredData(jsonLd, meta);
    }
}
