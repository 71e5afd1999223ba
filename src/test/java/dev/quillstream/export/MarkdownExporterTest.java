package dev.quillstream.export;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quillstream.content.BlogPost;
import dev.quillstream.generation.BlogRequest;
import dev.quillstream.generation.GenerationListener;
import dev.quillstream.generation.Tone;
import dev.quillstream.generation.blog.BlogPipelineFixture;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.dataformat.yaml.YAMLMapper;

class MarkdownExporterTest {

    @Test
    void frontMatterCarriesTitleDescriptionMetaTagsAndJsonLd() {
        BlogPost post = BlogPipelineFixture.offline()
                .write(
                        BlogRequest.of("Kubernetes autoscaling", List.of("hpa", "keda"), Tone.PRACTICAL),
                        GenerationListener.NONE);
        String markdown = new MarkdownExporter().render(post);
        String yaml = markdown.substring(4, markdown.indexOf("\n---\n"));
        @SuppressWarnings("unchecked")
        Map<String, Object> front = YAMLMapper.builder().build().readValue(yaml, Map.class);
        assertThat(front.get("title")).isEqualTo(post.title());
        assertThat(front.get("description")).isEqualTo(post.description());
        assertThat(front.get("draft")).isEqualTo(true);
        @SuppressWarnings("unchecked")
        Map<String, Object> seo = (Map<String, Object>) front.get("seo");
        assertThat(seo.get("score")).isEqualTo(100);
        assertThat(seo.get("meta").toString()).contains("og:title");
        assertThat((List<?>) front.get("json_ld")).hasSize(3);
        assertThat(front.get("json_ld").toString()).contains("BlogPosting", "FAQPage", "BreadcrumbList");
        assertThat(markdown.lines().filter(l -> l.startsWith("# "))).hasSize(1);
    }
}
