package dev.quillstream.generation.blog;

import static dev.quillstream.generation.blog.BlogRuns.asked;
import static org.assertj.core.api.Assertions.assertThat;

import dev.quillstream.generation.GenerationListener;
import dev.quillstream.testing.ScriptedModel;
import org.junit.jupiter.api.Test;

class FramingAndSeoStepsTest {

    private static final String FRAMING_WITH_TWO_QUESTIONS = """
            {"introduction":"Intro.","conclusion":"End.","faq":[
              {"question":"Q1?","answer":"A1."},{"question":"Q2?","answer":"A2."}]}""";
    private static final String FRAMING_WITH_FOUR_QUESTIONS = """
            {"introduction":"Intro.","conclusion":"End.","faq":[
              {"question":"Q1?","answer":"A1."},{"question":"Q2?","answer":"A2."},
              {"question":"Q3?","answer":"A3."},{"question":"Q4?","answer":"A4."}]}""";

    @Test
    void framingIsAskedAgainUntilTheFaqHasThePlannedSize() {
        ScriptedModel model = new ScriptedModel(
                request -> request.messages().size() == 2 ? FRAMING_WITH_TWO_QUESTIONS : FRAMING_WITH_FOUR_QUESTIONS);
        BlogRun run = SectionsStepTest.givenOutline(model, GenerationListener.NONE);
        new FramingStep().run(run);
        assertThat(run.draft.framing.faq()).hasSize(4);
        assertThat(asked(model)).containsExactly("blog_framing", "blog_framing");
    }

    @Test
    void framingKeepsWhatIsUsableWhenTheModelNeverGetsTheCountRight() {
        ScriptedModel model = new ScriptedModel(request -> FRAMING_WITH_TWO_QUESTIONS);
        BlogRun run = SectionsStepTest.givenOutline(model, GenerationListener.NONE);
        new FramingStep().run(run);
        assertThat(run.draft.framing.introduction()).isEqualTo("Intro.");
        assertThat(run.draft.framing.faq()).hasSize(2);
    }

    @Test
    void seoFieldsAreMadeValidWhateverTheModelProposes() {
        String tooLong = "x".repeat(80);
        ScriptedModel model = new ScriptedModel(request -> """
                {"title":"Kubernetes Autoscaling With HPA and KEDA: The Complete, Exhaustive Guide for Teams",
                 "meta_description":"%s %s",
                 "slug":"Kubernetes Autoscaling: HPA & KEDA — Ünïcode!",
                 "tags":["HPA","Scaling","  ","scaling"]}""".formatted(tooLong, tooLong));
        BlogRun run = SectionsStepTest.givenOutline(model, GenerationListener.NONE);
        new SeoMetadataStep().run(run);
        BlogDraft.SeoMetadata seo = run.draft.seo;
        assertThat(seo.title()).hasSizeLessThanOrEqualTo(60).startsWith("Kubernetes Autoscaling With HPA");
        assertThat(seo.metaDescription()).hasSizeLessThanOrEqualTo(160);
        assertThat(seo.slug()).isEqualTo("kubernetes-autoscaling-hpa-keda-unicode");
        assertThat(seo.tags()).containsExactly("hpa", "keda", "scaling");
    }

    @Test
    void slugIsCutAtAWordBoundary() {
        assertThat(SeoMetadataStep.slug("word ".repeat(30)))
                .hasSizeLessThanOrEqualTo(75)
                .doesNotEndWith("-");
        assertThat(SeoMetadataStep.slug("!!!")).isEqualTo("post");
    }
}
