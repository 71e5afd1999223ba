package dev.quillstream.generation.blog;

import dev.quillstream.content.BlogMetadata;
import dev.quillstream.content.BlogPost;
import dev.quillstream.generation.grounding.Grounding;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/** What the steps have produced so far. Plain data, so a run can be checkpointed between steps. */
final class BlogDraft {

    @Nullable
    Outline outline;
    /** Subtopic text by {@code "section.subtopic"} (zero-based). */
    final Map<String, String> subtopicTexts = new ConcurrentHashMap<>();

    @Nullable
    Framing framing;

    @Nullable
    SeoMetadata seo;

    @Nullable
    BlogPost post;

    final List<BlogMetadata.EditPass> editing = new java.util.concurrent.CopyOnWriteArrayList<>();
    final List<String> seoRepairs = new java.util.concurrent.CopyOnWriteArrayList<>();
    /** Suggested links to the author's earlier posts, and how many there were to choose from. */
    List<BlogMetadata.Seo.Link> internalLinks = List.of();

    long earlierContents;

    BlogMetadata.@Nullable Seo seoReport;

    /** The search queries planned for a researched post. */
    List<String> researchQueries = List.of();

    /** The numbered sources and passages of a researched post; null when the post is not researched. */
    @Nullable
    Grounding grounding;

    static String key(int section, int subtopic) {
        return section + "." + subtopic;
    }

    /** Introduction, conclusion and FAQ, as the framing step's structured output returns them. */
    record Framing(String introduction, String conclusion, List<Faq> faq) {
        Framing {
            faq = faq == null ? List.of() : List.copyOf(faq);
        }

        record Faq(String question, String answer) {}
    }

    /** Search-facing metadata, as the SEO step's structured output returns it. */
    record SeoMetadata(
            String title,
            String metaDescription,
            String slug,
            List<String> tags,
            List<String> relatedTerms,
            List<BlogMetadata.Seo.Image> images) {
        SeoMetadata {
            tags = tags == null ? List.of() : List.copyOf(tags);
            relatedTerms = relatedTerms == null ? List.of() : List.copyOf(relatedTerms);
            images = images == null ? List.of() : List.copyOf(images);
        }

        SeoMetadata withTitle(String newTitle) {
            return new SeoMetadata(newTitle, metaDescription, slug, tags, relatedTerms, images);
        }

        SeoMetadata withMetaDescription(String newDescription) {
            return new SeoMetadata(title, newDescription, slug, tags, relatedTerms, images);
        }

        SeoMetadata withSlug(String newSlug) {
            return new SeoMetadata(title, metaDescription, newSlug, tags, relatedTerms, images);
        }
    }
}
