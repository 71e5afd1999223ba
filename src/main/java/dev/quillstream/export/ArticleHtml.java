package dev.quillstream.export;

import java.util.List;
import java.util.Map;
import org.jsoup.nodes.DataNode;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The semantic HTML5 of a document, shared by the HTML, PDF and EPUB renderers: an
 * {@code <article>} with a header, a table of contents, one {@code <section>} per chapter (H2) with
 * H3 per section, and the references as an ordered list whose items the citation links point to.
 * Model text enters only through {@link SafeHtml}; titles only as text nodes. Publishers use
 * {@link #bodyHtml} for a post's content on a site that supplies its own title and head.
 */
public final class ArticleHtml {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ArticleHtml() {}

    public static String chapterId(int index) {
        return "chapter-" + (index + 1);
    }

    /** A document with {@code <html lang>}, charset and title; the caller fills the head. */
    public static Document shell(ExportDocument document) {
        Document html = Document.createShell("");
        html.outputSettings().prettyPrint(false);
        html.selectFirst("html").attr("lang", document.language());
        html.head().appendElement("meta").attr("charset", "utf-8");
        html.head().appendElement("title").text(document.title());
        return html;
    }

    /** Description, keywords, Open Graph and Twitter tags, generator; {@code noindex} for an offline draft. */
    public static void meta(Element head, ExportDocument document) {
        head.appendElement("meta").attr("name", "viewport").attr("content", "width=device-width, initial-scale=1");
        Map<String, String> tags = document.seo() == null
                ? Map.of("description", document.description(), "keywords", String.join(", ", document.tags()))
                : document.seo().metaTags();
        tags.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(tag -> {
            String key = tag.getKey();
            boolean property = key.startsWith("og:") || key.startsWith("article:");
            head.appendElement("meta").attr(property ? "property" : "name", key).attr("content", tag.getValue());
        });
        String url = tags.getOrDefault("og:url", "");
        if (url.startsWith("https://") || url.startsWith("http://")) {
            head.appendElement("link").attr("rel", "canonical").attr("href", url);
        }
        head.appendElement("meta").attr("name", "generator").attr("content", document.generator());
        if (document.offline()) {
            head.appendElement("meta").attr("name", "robots").attr("content", "noindex");
        }
        for (JsonNode object : jsonLd(document)) {
            // "</" inside a string would end the script element: JSON allows "<\/" for it.
            head.appendElement("script")
                    .attr("type", "application/ld+json")
                    .appendChild(new DataNode(JSON.writeValueAsString(object).replace("</", "<\\/")));
        }
    }

    /** The stored JSON-LD of a post, or a minimal Book/Article object for content without one. */
    public static List<JsonNode> jsonLd(ExportDocument document) {
        if (document.seo() != null && !document.seo().jsonLd().isEmpty()) {
            return document.seo().jsonLd();
        }
        ObjectNode object = JSON.createObjectNode()
                .put("@context", "https://schema.org")
                .put("@type", document.kind().equals("book") ? "Book" : "Article")
                .put("name", document.title())
                .put("headline", document.title())
                .put("description", document.description())
                .put("inLanguage", document.language())
                .put("datePublished", document.date());
        var keywords = object.putArray("keywords");
        document.tags().forEach(keywords::add);
        return List.of(object);
    }

    /** The {@code <article>}: header, contents, chapters, references. */
    public static Element article(Element parent, ExportDocument document, boolean pageNumbers) {
        Element article = parent.appendElement("article");
        Element header = article.appendElement("header");
        header.appendElement("h1").text(document.title());
        if (!document.description().isBlank()) {
            header.appendElement("p").addClass("description").text(document.description());
        }
        header.appendElement("p")
                .addClass("byline")
                .appendElement("time")
                .attr("datetime", document.date())
                .text(document.date());
        if (document.offline()) {
            header.appendElement("p")
                    .addClass("draft-note")
                    .text("Offline draft: written by Quillstream's deterministic offline model, not a language model.");
        }
        contents(article, document, pageNumbers);
        int references = document.references().size();
        for (int i = 0; i < document.chapters().size(); i++) {
            ExportDocument.Chapter chapter = document.chapters().get(i);
            Element section = article.appendElement("section").attr("id", chapterId(i));
            section.appendElement("h2").text(chapter.title());
            for (ExportDocument.Section part : chapter.sections()) {
                if (!part.title().isBlank()) {
                    section.appendElement("h3").text(part.title());
                }
                section.appendElement("div")
                        .addClass("text")
                        .append(SafeHtml.fromMarkdown(part.markdown(), references));
            }
        }
        references(article, document);
        return article;
    }

    public static void contents(Element parent, ExportDocument document, boolean pageNumbers) {
        Element nav = parent.appendElement("nav").attr("aria-label", "Contents").addClass("toc");
        nav.appendElement("h2").text("Contents");
        Element list = nav.appendElement("ol");
        for (int i = 0; i < document.chapters().size(); i++) {
            Element link = list.appendElement("li")
                    .appendElement("a")
                    .attr("href", "#" + chapterId(i))
                    .text(document.chapters().get(i).title());
            if (pageNumbers) {
                link.addClass("page-ref");
            }
        }
        if (!document.references().isEmpty()) {
            Element link = list.appendElement("li")
                    .appendElement("a")
                    .attr("href", "#references")
                    .text("References");
            if (pageNumbers) {
                link.addClass("page-ref");
            }
        }
    }

    public static void references(Element parent, ExportDocument document) {
        if (document.references().isEmpty()) {
            return;
        }
        Element section = parent.appendElement("section").attr("id", "references");
        section.appendElement("h2").text("References");
        Element list = section.appendElement("ol");
        for (ExportDocument.Reference reference : document.references()) {
            Element item = list.appendElement("li")
                    .attr("id", "ref-" + reference.number())
                    .attr("value", Integer.toString(reference.number()));
            item.appendText(reference.title() + " — ");
            item.append(SafeHtml.sanitize("<a href=\"" + org.jsoup.nodes.Entities.escape(reference.url()) + "\">"
                    + org.jsoup.nodes.Entities.escape(reference.url()) + "</a>"));
        }
    }

    /**
     * The chapters and references as an HTML fragment (no title, no contents): what a blog engine
     * shows under the title it renders itself.
     */
    public static String bodyHtml(ExportDocument document) {
        Document html = Document.createShell("");
        html.outputSettings().prettyPrint(false);
        Element body = html.body();
        int references = document.references().size();
        for (ExportDocument.Chapter chapter : document.chapters()) {
            body.appendElement("h2").text(chapter.title());
            for (ExportDocument.Section part : chapter.sections()) {
                if (!part.title().isBlank()) {
                    body.appendElement("h3").text(part.title());
                }
                body.append(SafeHtml.fromMarkdown(part.markdown(), references));
            }
        }
        references(body, document);
        return body.html();
    }
}
