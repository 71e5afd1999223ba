package dev.quillstream.generation.blog;

import dev.quillstream.content.BlogMetadata;
import dev.quillstream.content.BlogPost;
import dev.quillstream.generation.grounding.CitedPost;
import dev.quillstream.seo.SeoCheck;
import dev.quillstream.seo.SeoDocument;
import dev.quillstream.seo.SeoReport;
import dev.quillstream.seo.StructuredData;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.json.JsonMapper;

/** Translates between the post (content module) and what the SEO module measures and returns. */
final class PostSeo {

    private static final JsonMapper JSON = JsonMapper.builder()
            .propertyNamingStrategy(tools.jackson.databind.PropertyNamingStrategies.SNAKE_CASE)
            .build();

    private PostSeo() {}

    static SeoDocument document(BlogPost post, BlogRun run) {
        BlogDraft.SeoMetadata seo = run.draft.seo;
        List<SeoDocument.Part> parts = new ArrayList<>();
        for (BlogPost.Section section : post.sections()) {
            if (section.title().equals(CitedPost.REFERENCES)) {
                continue; // a list of sources, not prose: it would skew density and readability
            }
            SeoDocument.Role role = switch (section.title()) {
                case AssembleStep.INTRODUCTION -> SeoDocument.Role.INTRODUCTION;
                case AssembleStep.CONCLUSION -> SeoDocument.Role.CONCLUSION;
                case AssembleStep.FAQ -> SeoDocument.Role.FAQ;
                default -> SeoDocument.Role.BODY;
            };
            boolean untitledSingle = section.subtopics().size() == 1
                    && section.subtopics().getFirst().title().isBlank();
            parts.add(new SeoDocument.Part(
                    2,
                    section.title(),
                    untitledSingle ? section.subtopics().getFirst().content() : "",
                    role));
            if (!untitledSingle) {
                section.subtopics().forEach(s -> parts.add(new SeoDocument.Part(3, s.title(), s.content(), role)));
            }
        }
        return new SeoDocument(
                post.title(),
                post.description(),
                post.metadata().slug(),
                run.request.keywords().isEmpty() ? List.of(run.request.topic()) : run.request.keywords(),
                parts,
                seo.relatedTerms(),
                run.draft.framing.faq().stream()
                        .map(f -> new SeoDocument.Faq(f.question(), f.answer()))
                        .toList(),
                seo.images().stream()
                        .map(i -> new SeoDocument.ImageSuggestion(i.description(), i.altText(), i.placement()))
                        .toList(),
                run.draft.internalLinks.stream()
                        .map(l -> new SeoDocument.InternalLink(l.title(), l.url(), l.anchorText()))
                        .toList(),
                (int) Math.min(Integer.MAX_VALUE, run.draft.earlierContents),
                post.metadata().sources().stream()
                        .filter(source -> source.number() != null)
                        .map(BlogMetadata.Source::url)
                        .toList(),
                run.request.research());
    }

    static BlogMetadata.Seo summary(SeoReport report, StructuredData markup, BlogRun run) {
        List<BlogMetadata.Seo.Check> checks =
                report.checks().stream().map(PostSeo::check).toList();
        return new BlogMetadata.Seo(
                report.score(),
                report.passed(),
                checks,
                JSON.valueToTree(report.readability()),
                run.draft.seo.images(),
                run.draft.seo.relatedTerms(),
                run.draft.internalLinks,
                markup.jsonLd(),
                markup.metaTags(),
                run.draft.seoRepairs);
    }

    private static BlogMetadata.Seo.Check check(SeoCheck c) {
        return new BlogMetadata.Seo.Check(c.id(), c.name(), c.passed(), c.value(), c.expected(), c.hint());
    }
}
