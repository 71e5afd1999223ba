package dev.quillstream.generation.blog;

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
    record SeoMetadata(String title, String metaDescription, String slug, List<String> tags) {
        SeoMetadata {
            tags = tags == null ? List.of() : List.copyOf(tags);
        }
    }
}
