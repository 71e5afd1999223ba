package dev.quillstream.generation.blog;

import static dev.quillstream.generation.blog.BlogRuns.givenRun;
import static dev.quillstream.generation.blog.BlogRuns.outlineJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quillstream.generation.GenerationFailed;
import dev.quillstream.generation.GenerationListener;
import dev.quillstream.testing.ScriptedModel;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class SectionsStepTest {

    @Test
    void writesEverySubtopicAndStreamsItsText() {
        Map<String, StringBuilder> streamed = new ConcurrentHashMap<>();
        GenerationListener listener = new GenerationListener() {
            @Override
            public void onToken(String step, String part, String delta) {
                streamed.computeIfAbsent(part, p -> new StringBuilder()).append(delta);
            }
        };
        ScriptedModel model = new ScriptedModel(request -> "Text for " + request.hint("subject", "?") + ".");
        BlogRun run = givenOutline(model, listener);
        new SectionsStep().run(run);
        assertThat(run.draft.subtopicTexts).hasSize(10).containsEntry("2.1", "Text for S3.2.");
        assertThat(streamed).hasSize(10);
        assertThat(streamed.get("section 3.2").toString()).isEqualTo("Text for S3.2.");
    }

    @Test
    void everyCallSeesTheWholeOutline() {
        ScriptedModel model = new ScriptedModel(request -> "Body.");
        BlogRun run = givenOutline(model, GenerationListener.NONE);
        new SectionsStep().run(run);
        assertThat(model.requests())
                .filteredOn(r -> r.schema() == null)
                .allSatisfy(r -> assertThat(r.messages().getLast().content())
                        .contains("5. S5")
                        .contains("1.2 S1.2"));
    }

    @Test
    void dropsAHeadingTheModelRepeats() {
        ScriptedModel model = new ScriptedModel(request -> "## " + request.hint("subject", "") + "\n\nThe body.");
        BlogRun run = givenOutline(model, GenerationListener.NONE);
        new SectionsStep().run(run);
        assertThat(run.draft.subtopicTexts.values()).containsOnly("The body.");
    }

    @Test
    void writesAnEmptyReplyAgainOnceThenFails() {
        List<String> restarts = new CopyOnWriteArrayList<>();
        ScriptedModel model = new ScriptedModel(request -> "   ");
        BlogRun run = givenOutline(model, new GenerationListener() {
            @Override
            public void onRestart(String step, String part) {
                restarts.add(part);
            }
        });
        assertThatThrownBy(() -> SectionsStep.write(run, 0, 0))
                .isInstanceOf(GenerationFailed.class)
                .hasMessageContaining("section 1.1");
        assertThat(model.requests()).hasSize(2);
        assertThat(restarts).containsExactly("section 1.1", "section 1.1");
    }

    static BlogRun givenOutline(ScriptedModel model, GenerationListener listener) {
        BlogRun run = givenRun(model, listener);
        run.draft.outline = BlogRuns.JSON.readValue(outlineJson(5, 2), Outline.class);
        return run;
    }
}
