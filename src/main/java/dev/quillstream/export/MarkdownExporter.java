package dev.quillstream.export;

import dev.quillstream.content.BlogPost;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.dataformat.yaml.YAMLMapper;
import tools.jackson.dataformat.yaml.YAMLWriteFeature;

/**
 * A post as Markdown with YAML front matter that static-site generators read (Hugo, Jekyll):
 * {@code title}, {@code description}, {@code date}, {@code slug}, {@code tags}, and {@code draft:
 * true} when the offline model wrote it. One H1 (the title), H2 per section, H3 per subtopic.
 */
@Component
public class MarkdownExporter {

    private static final YAMLMapper YAML = YAMLMapper.builder()
            .disable(YAMLWriteFeature.WRITE_DOC_START_MARKER)
            .enable(YAMLWriteFeature.MINIMIZE_QUOTES)
            .build();

    public String render(BlogPost post) {
        StringBuilder markdown = new StringBuilder("---\n")
                .append(YAML.writeValueAsString(frontMatter(post)))
                .append("---\n\n# ")
                .append(post.title())
                .append("\n");
        for (BlogPost.Section section : post.sections()) {
            markdown.append("\n## ").append(section.title()).append("\n");
            for (BlogPost.Subtopic subtopic : section.subtopics()) {
                if (!subtopic.title().isBlank()) {
                    markdown.append("\n### ").append(subtopic.title()).append("\n");
                }
                markdown.append('\n').append(subtopic.content().strip()).append('\n');
            }
        }
        return markdown.toString();
    }

    private static Map<String, Object> frontMatter(BlogPost post) {
        Map<String, Object> front = new LinkedHashMap<>();
        front.put("title", post.title());
        front.put("description", post.description());
        front.put("date", post.date());
        front.put("slug", post.metadata().slug());
        front.put("tags", post.tags());
        if (post.image() != null) {
            front.put("image", post.image());
        }
        if (post.metadata().offline()) {
            // Static-site generators leave drafts unpublished: an offline draft must not go live by accident.
            front.put("draft", true);
            front.put(
                    "generator_note",
                    "Offline draft: written by Quillstream's deterministic offline model, not a language model.");
        }
        front.put(
                "generator",
                "Quillstream (" + post.metadata().provider() + ", "
                        + post.metadata().model() + ")");
        var seo = post.metadata().seo();
        if (seo != null) {
            // Hugo and Jekyll expose these as page parameters, for the theme's <head>.
            Map<String, Object> seoFront = new LinkedHashMap<>();
            seoFront.put("score", seo.score());
            seoFront.put("meta", seo.metaTags());
            front.put("seo", seoFront);
            front.put("json_ld", seo.jsonLd());
        }
        return front;
    }
}
