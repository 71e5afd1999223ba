package dev.quillstream.export;

import dev.quillstream.content.BlogPost;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.dataformat.yaml.YAMLMapper;
import tools.jackson.dataformat.yaml.YAMLWriteFeature;

/**
 * A document as Markdown with YAML front matter that static-site generators read (Hugo, Jekyll):
 * {@code title}, {@code description}, {@code date}, {@code slug}, {@code tags}, and {@code draft:
 * true} when the offline model wrote it. One H1 (the title), H2 per chapter, H3 per section, the
 * references as a numbered list with anchors. Model text is cleaned of raw HTML and unsafe links
 * ({@link SafeMarkdown}).
 */
@Component
public class MarkdownExporter implements Exporter {

    private static final YAMLMapper YAML = YAMLMapper.builder()
            .disable(YAMLWriteFeature.WRITE_DOC_START_MARKER)
            .enable(YAMLWriteFeature.MINIMIZE_QUOTES)
            .build();

    @Override
    public ExportFormat format() {
        return ExportFormat.MARKDOWN;
    }

    @Override
    public int version() {
        return 2;
    }

    @Override
    public byte[] render(ExportDocument document) {
        return markdown(document).getBytes(StandardCharsets.UTF_8);
    }

    public String render(BlogPost post) {
        return markdown(ExportDocument.fromBlog(post));
    }

    public String markdown(ExportDocument document) {
        return "---\n" + frontMatter(document) + "---\n\n" + body(document);
    }

    /** The YAML between the {@code ---} lines, ending with a newline. */
    public String frontMatter(ExportDocument document) {
        return YAML.writeValueAsString(frontMatterFields(document));
    }

    /** The document without front matter: H1 title, chapters, references. */
    public String body(ExportDocument document) {
        StringBuilder markdown =
                new StringBuilder("# ").append(oneLine(document.title())).append("\n");
        for (ExportDocument.Chapter chapter : document.chapters()) {
            markdown.append("\n## ").append(oneLine(chapter.title())).append("\n");
            for (ExportDocument.Section section : chapter.sections()) {
                if (!section.title().isBlank()) {
                    markdown.append("\n### ").append(oneLine(section.title())).append("\n");
                }
                markdown.append('\n')
                        .append(SafeMarkdown.clean(section.markdown()))
                        .append('\n');
            }
        }
        if (!document.references().isEmpty()) {
            markdown.append("\n## References\n\n");
            for (ExportDocument.Reference reference : document.references()) {
                markdown.append(reference.number())
                        .append(". ")
                        .append(oneLine(reference.title()))
                        .append(" — <")
                        .append(SafeMarkdown.safeDestination(reference.url()) ? reference.url() : "")
                        .append(">\n");
            }
        }
        return markdown.toString();
    }

    /** Titles become heading text: no line breaks, no HTML. */
    private static String oneLine(String text) {
        return SafeHtml.plainText(text)
                .replaceAll("\\s+", " ")
                .replace("<", "&lt;")
                .strip();
    }

    private static Map<String, Object> frontMatterFields(ExportDocument document) {
        Map<String, Object> front = new LinkedHashMap<>();
        front.put("title", SafeHtml.plainText(document.title()));
        front.put("description", SafeHtml.plainText(document.description()));
        front.put("date", document.date());
        front.put("slug", document.slug());
        front.put("tags", document.tags().stream().map(SafeHtml::plainText).toList());
        front.put("lang", document.language());
        if (document.image() != null) {
            front.put("image", document.image());
        }
        if (document.offline()) {
            // Static-site generators leave drafts unpublished: an offline draft must not go live by accident.
            front.put("draft", true);
            front.put(
                    "generator_note",
                    "Offline draft: written by Quillstream's deterministic offline model, not a language model.");
        }
        front.put("generator", document.generator());
        var seo = document.seo();
        if (seo != null) {
            // Hugo and Jekyll expose these as page parameters, for the theme's <head>.
            Map<String, Object> seoFront = new LinkedHashMap<>();
            seoFront.put("score", seo.score());
            seoFront.put("meta", new java.util.TreeMap<>(seo.metaTags()));
            front.put("seo", seoFront);
            front.put("json_ld", seo.jsonLd());
        }
        return front;
    }
}
