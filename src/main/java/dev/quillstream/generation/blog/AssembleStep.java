package dev.quillstream.generation.blog;

import dev.quillstream.content.BlogMetadata;
import dev.quillstream.content.BlogPost;
import dev.quillstream.generation.grounding.CitedPost;
import dev.quillstream.llm.UsageMeter;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Puts the parts together in the seed's shape: introduction, the body sections, conclusion, FAQ.
 * The post's id is fixed on the first assembly, so a repaired re-assembly keeps it.
 */
final class AssembleStep implements BlogStep {

    static final String INTRODUCTION = "Introduction";
    static final String CONCLUSION = "Conclusion";
    static final String FAQ = "Frequently Asked Questions";

    @Override
    public String name() {
        return "assemble";
    }

    @Override
    public void run(BlogRun run) {
        BlogDraft draft = run.draft;
        List<BlogPost.Section> sections = new ArrayList<>();
        sections.add(
                new BlogPost.Section(INTRODUCTION, List.of(new BlogPost.Subtopic("", draft.framing.introduction()))));
        List<Outline.Section> body = run.sections();
        for (int i = 0; i < body.size(); i++) {
            List<BlogPost.Subtopic> subtopics = new ArrayList<>();
            for (int j = 0; j < body.get(i).subtopics().size(); j++) {
                subtopics.add(new BlogPost.Subtopic(
                        body.get(i).subtopics().get(j).title(),
                        draft.subtopicTexts.getOrDefault(BlogDraft.key(i, j), "")));
            }
            sections.add(new BlogPost.Section(body.get(i).title(), subtopics));
        }
        sections.add(new BlogPost.Section(CONCLUSION, List.of(new BlogPost.Subtopic("", draft.framing.conclusion()))));
        sections.add(new BlogPost.Section(
                FAQ,
                draft.framing.faq().stream()
                        .map(f -> new BlogPost.Subtopic(f.question(), f.answer()))
                        .toList()));
        String id = draft.post == null ? UUID.randomUUID().toString() : draft.post.id();
        BlogPost post = new BlogPost(
                id,
                draft.seo.title(),
                draft.seo.metaDescription(),
                LocalDate.now(ZoneOffset.UTC).toString(),
                null,
                draft.seo.tags(),
                sections,
                metadata(run));
        // A researched post: citations validated and renumbered, foreign URLs removed, references added.
        draft.post = draft.grounding == null ? post : CitedPost.of(post, draft.grounding.sources());
    }

    /** A run's usage as the post's metadata states it. */
    static BlogMetadata.Usage usage(UsageMeter.Snapshot usage) {
        return dev.quillstream.generation.UsageSum.of(usage);
    }

    private static BlogMetadata metadata(BlogRun run) {
        UsageMeter.Snapshot usage = run.meter.snapshot();
        return new BlogMetadata(
                usage.provider(),
                usage.model(),
                usage.offline(),
                run.usage(),
                run.timingsMs,
                run.draft.seo.slug(),
                run.request.tone().id(),
                run.request.language(),
                run.request.keywords(),
                Instant.now().toString(),
                run.request.conversationId(),
                new BlogMetadata.Structure(
                        run.shape.sections(),
                        run.shape.subtopics(),
                        run.draft.framing.faq().size()),
                run.draft.seoReport,
                run.draft.editing,
                java.util.List.of());
    }
}
