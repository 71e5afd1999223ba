package dev.quillstream.generation.blog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quillstream.content.BlogMetadata;
import dev.quillstream.content.BlogPost;
import dev.quillstream.generation.BlogRequest;
import dev.quillstream.generation.GenerationFailed;
import dev.quillstream.generation.GenerationListener;
import dev.quillstream.generation.Tone;
import dev.quillstream.llm.offline.OfflineTextModel;
import dev.quillstream.testing.ScriptedModel;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class BlogPipelineTest {

    private static final BlogRequest AUTOSCALING =
            BlogRequest.of("Kubernetes autoscaling", List.of("hpa", "keda"), Tone.PRACTICAL);

    @Test
    void writesAPostInTheSeedShapeWithTheOfflineModel() {
        BlogPost post = new BlogPipeline(new OfflineTextModel(), 4).write(AUTOSCALING, GenerationListener.NONE);
        assertThat(post.sections()).hasSize(5 + 3);
        assertThat(post.sections().getFirst().title()).isEqualTo("Introduction");
        assertThat(post.sections().subList(1, 6))
                .allSatisfy(s -> assertThat(s.subtopics()).hasSize(2));
        assertThat(post.sections().getLast().title()).isEqualTo("Frequently Asked Questions");
        assertThat(post.sections())
                .allSatisfy(s -> assertThat(s.subtopics())
                        .allSatisfy(t -> assertThat(t.content()).isNotBlank()));
        assertThat(post.tags()).startsWith("hpa", "keda");
        assertThat(post.metadata().offline()).isTrue();
        assertThat(post.metadata().provider()).isEqualTo("offline");
        assertThat(post.metadata().usage().calls()).isEqualTo(1 + 10 + 1 + 1);
        assertThat(post.metadata().timingsMs())
                .containsOnlyKeys("outline", "sections", "framing", "seo", "assemble", "validate", "seo-review");
        assertThat(post.metadata().slug()).isEqualTo("hpa-kubernetes-autoscaling");
    }

    @Test
    void announcesEveryStepInOrder() {
        List<String> events = new CopyOnWriteArrayList<>();
        new BlogPipeline(new OfflineTextModel(), 2).write(AUTOSCALING, new GenerationListener() {
            @Override
            public void stepStarted(String step, int index, int total) {
                events.add("start " + step + " " + index + "/" + total);
            }

            @Override
            public void stepFinished(String step, int index, int total, Duration took) {
                events.add("done " + step);
            }
        });
        assertThat(events)
                .containsExactly(
                        "start outline 1/7", "done outline",
                        "start sections 2/7", "done sections",
                        "start framing 3/7", "done framing",
                        "start seo 4/7", "done seo",
                        "start assemble 5/7", "done assemble",
                        "start validate 6/7", "done validate",
                        "start seo-review 7/7", "done seo-review");
    }

    @Test
    void proofreadAndHumanizeRunWhenAskedAndKeepTheOfflineDraftIntact() {
        BlogRequest edited = new BlogRequest(
                "Kubernetes autoscaling", List.of("hpa", "keda"), Tone.PRACTICAL, false, true, true, null, "en", 1500);
        BlogPost post = new BlogPipeline(new OfflineTextModel(), 4).write(edited, GenerationListener.NONE);
        assertThat(post.metadata().timingsMs()).containsKeys("proofread", "humanize");
        assertThat(post.metadata().editing())
                .extracting(BlogMetadata.EditPass::name)
                .containsExactly("proofread", "humanize");
        assertThat(post.metadata().editing())
                .allSatisfy(p -> assertThat(p.keptOriginal()).isZero());
        assertThat(post.metadata().seo().passed()).isTrue();
    }

    @Test
    void longerPostsGetMoreSectionsAndSubtopics() {
        BlogRequest longPost = new BlogRequest(
                "Kubernetes autoscaling", List.of("hpa"), Tone.TECHNICAL, false, false, false, null, "en", 3000);
        BlogPost post = new BlogPipeline(new OfflineTextModel(), 4).write(longPost, GenerationListener.NONE);
        assertThat(post.metadata().structure().bodySections()).isEqualTo(9);
        assertThat(post.sections().get(1).subtopics()).hasSize(3);
    }

    @Test
    void aPostWhosePartsStayEmptyIsRefused() {
        ScriptedModel model = new ScriptedModel(request -> request.schema() == null
                ? ""
                : new OfflineTextModel().complete(request).text());
        assertThatThrownBy(() -> new BlogPipeline(model, 4).write(AUTOSCALING, GenerationListener.NONE))
                .isInstanceOf(GenerationFailed.class);
    }

    @Test
    void validationRewritesAnEmptiedSubtopic() {
        OfflineTextModel offline = new OfflineTextModel();
        BlogRun run = new BlogRun(AUTOSCALING, offline, GenerationListener.NONE, 2);
        new OutlineStep().run(run);
        new SectionsStep().run(run);
        new FramingStep().run(run);
        new SeoMetadataStep().run(run);
        AssembleStep assemble = new AssembleStep();
        assemble.run(run);
        run.draft.subtopicTexts.put("1.0", " ");
        new ValidateStep(assemble).run(run);
        assertThat(run.draft.post.sections().get(2).subtopics().getFirst().content())
                .isNotBlank();
    }
}
