package dev.quillstream.generation.blog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quillstream.content.BlogMetadata;
import dev.quillstream.generation.BlogRequest;
import dev.quillstream.generation.GenerationListener;
import dev.quillstream.generation.Tone;
import dev.quillstream.llm.ModelRequest;
import dev.quillstream.llm.offline.OfflineTextModel;
import dev.quillstream.testing.ScriptedModel;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class SeoReviewStepTest {

    private static final BlogRequest REQUEST =
            BlogRequest.of("Kubernetes autoscaling", List.of("hpa", "keda"), Tone.PRACTICAL);
    private static final OfflineTextModel OFFLINE = new OfflineTextModel();

    @Test
    void offlinePostsPassEveryCheckAndCarryTheirMarkup() {
        BlogMetadata.Seo seo = new BlogPipeline(OFFLINE, 4)
                .write(REQUEST, GenerationListener.NONE)
                .metadata()
                .seo();
        assertThat(seo.checks()).filteredOn(c -> !c.passed()).isEmpty();
        assertThat(seo.score()).isEqualTo(100);
        assertThat(seo.jsonLd())
                .extracting(n -> n.path("@type").asString())
                .containsExactly("BlogPosting", "FAQPage", "BreadcrumbList");
        assertThat(seo.metaTags()).containsKeys("og:title", "og:description", "twitter:card");
        assertThat(seo.images())
                .isNotEmpty()
                .allSatisfy(i -> assertThat(i.altText()).isNotBlank());
        assertThat(seo.relatedTerms()).hasSize(5);
        assertThat(seo.readability().path("flesch_reading_ease").asDouble()).isGreaterThan(50);
    }

    @Test
    void aTitleThatFailsIsRewrittenAloneNotTheWholePost() {
        ScriptedModel model =
                offlineExcept(r -> r.schema() != null && r.schema().name().equals("blog_seo")
                        ? OFFLINE.complete(r).text().replaceFirst("\"title\":\"[^\"]*\"", "\"title\":\"Autoscaling\"")
                        : null);
        BlogRun run = runThrough(model);
        assertThat(run.draft.post.title()).hasSizeBetween(50, 60).startsWithIgnoringCase("hpa");
        assertThat(run.draft.seoRepairs).anySatisfy(r -> assertThat(r).startsWith("title: rewritten"));
        assertThat(BlogRuns.asked(model).stream().filter(n -> n.equals("seo_title")))
                .hasSize(1);
        assertThat(BlogRuns.asked(model).stream().filter(n -> n.equals("text"))).hasSize(10);
        assertThat(run.draft.seoReport.passed()).isTrue();
    }

    @Test
    void aCheckThatStaysFailedIsReportedWithItsReasonAfterBoundedRepairs() {
        ScriptedModel model = offlineExcept(r -> r.schema() != null
                        && (r.schema().name().equals("blog_seo")
                                || r.schema().name().equals("seo_title"))
                ? OFFLINE.complete(r).text().replaceFirst("\"title\":\"[^\"]*\"", "\"title\":\"HPA\"")
                : null);
        BlogRun run = runThrough(model);
        BlogMetadata.Seo seo = run.draft.seoReport;
        assertThat(seo.passed()).isFalse();
        BlogMetadata.Seo.Check title = seo.checks().stream()
                .filter(c -> c.id().equals("title_length"))
                .findFirst()
                .orElseThrow();
        assertThat(title.passed()).isFalse();
        assertThat(title.value()).isEqualTo("3 characters");
        assertThat(title.hint()).contains("Lengthen");
        assertThat(BlogRuns.asked(model).stream().filter(n -> n.equals("seo_title")))
                .hasSize(SeoReviewStep.ROUNDS);
    }

    @Test
    void anIntroductionWithoutTheKeywordIsRewrittenAndARewriteThatDropsACitationIsDiscarded() {
        String intro =
                "Scaling workloads well saves money [1]. This guide shows how, with examples from real clusters. "
                        .repeat(6);
        ScriptedModel model = offlineExcept(r -> {
            if (r.schema() != null && r.schema().name().equals("blog_framing")) {
                return OFFLINE.complete(r)
                        .text()
                        .replaceFirst(
                                "\"introduction\":\"(?:[^\"\\\\]|\\\\.)*\"", "\"introduction\":\"" + intro + "\"");
            }
            if ("seo-rewrite".equals(r.hints().get("kind"))
                    && r.hint("original", "").equals(intro)) {
                return "With hpa, scaling workloads well saves money. " + intro.replace("[1]", "");
            }
            return null;
        });
        BlogRun run = runThrough(model);
        assertThat(run.draft.seoRepairs)
                .anySatisfy(r -> assertThat(r)
                        .startsWith("introduction: rewrite discarded")
                        .contains("citation"));
        assertThat(run.draft.framing.introduction()).isEqualTo(intro);
        assertThat(run.draft.seoReport.checks())
                .filteredOn(c -> c.id().equals("keyword_in_introduction"))
                .singleElement()
                .satisfies(c -> assertThat(c.passed()).isFalse());
    }

    /** The offline model, except where {@code override} answers. */
    private static ScriptedModel offlineExcept(Function<ModelRequest, String> override) {
        return new ScriptedModel(r -> {
            String answer = override.apply(r);
            return answer != null ? answer : OFFLINE.complete(r).text();
        });
    }

    private static BlogRun runThrough(ScriptedModel model) {
        BlogRun run = new BlogRun(REQUEST, model, GenerationListener.NONE, 2);
        AssembleStep assemble = new AssembleStep();
        for (BlogStep step : List.of(
                new OutlineStep(),
                new SectionsStep(),
                new FramingStep(),
                new SeoMetadataStep(),
                assemble,
                new ValidateStep(assemble),
                new SeoReviewStep(assemble, null, null))) {
            step.run(run);
        }
        return run;
    }
}
