package dev.quillstream.generation.blog;

import static dev.quillstream.generation.blog.BlogRuns.asked;
import static dev.quillstream.generation.blog.BlogRuns.givenRun;
import static dev.quillstream.generation.blog.BlogRuns.outlineJson;
import static dev.quillstream.generation.blog.BlogRuns.sectionsJson;
import static dev.quillstream.generation.blog.BlogRuns.subtopicsJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quillstream.generation.GenerationFailed;
import dev.quillstream.llm.ChatMessage;
import dev.quillstream.testing.ScriptedModel;
import java.util.List;
import org.junit.jupiter.api.Test;

class OutlineStepTest {

    @Test
    void acceptsAnOutlineOfThePlannedShape() {
        ScriptedModel model = new ScriptedModel(request -> outlineJson(5, 2));
        BlogRun run = givenRun(model);
        new OutlineStep().run(run);
        assertThat(run.sections())
                .hasSize(5)
                .allSatisfy(s -> assertThat(s.subtopics()).hasSize(2));
        assertThat(asked(model)).containsExactly("blog_outline");
    }

    @Test
    void reasksWithTheProblemStatedWhenTheCountIsWrong() {
        ScriptedModel model =
                new ScriptedModel(request -> request.messages().size() == 2 ? outlineJson(3, 2) : outlineJson(5, 2));
        BlogRun run = givenRun(model);
        new OutlineStep().run(run);
        assertThat(run.sections()).hasSize(5);
        assertThat(asked(model)).containsExactly("blog_outline", "blog_outline");
        ChatMessage correction = model.requests().get(1).messages().getLast();
        assertThat(correction.role()).isEqualTo(ChatMessage.Role.USER);
        assertThat(correction.content()).contains("did not meet the requirements");
    }

    @Test
    void dropsExtraSectionsAndSubtopicsWhenTheModelKeepsReturningTooMany() {
        ScriptedModel model = new ScriptedModel(request -> outlineJson(7, 4));
        BlogRun run = givenRun(model);
        new OutlineStep().run(run);
        assertThat(run.sections()).extracting(Outline.Section::title).containsExactly("S1", "S2", "S3", "S4", "S5");
        assertThat(run.sections().getFirst().subtopics())
                .extracting(Outline.Subtopic::title)
                .containsExactly("S1.1", "S1.2");
        assertThat(asked(model)).containsExactly("blog_outline", "blog_outline", "blog_outline");
    }

    @Test
    void asksForTheMissingSectionsAndSubtopicsWhenTheModelKeepsReturningTooFew() {
        ScriptedModel model =
                new ScriptedModel(request -> switch (request.schema().name()) {
                    case "blog_outline" -> outlineJson(3, 1);
                    case "outline_sections" -> sectionsJson("New", 2, 2);
                    case "outline_subtopics" -> subtopicsJson("Extra", 1);
                    default -> throw new IllegalStateException(request.schema().name());
                });
        BlogRun run = givenRun(model);
        new OutlineStep().run(run);
        assertThat(run.sections()).extracting(Outline.Section::title).containsExactly("S1", "S2", "S3", "New1", "New2");
        assertThat(run.sections()).allSatisfy(s -> assertThat(s.subtopics()).hasSize(2));
        assertThat(run.sections().getFirst().subtopics())
                .extracting(Outline.Subtopic::title)
                .containsExactly("S1.1", "Extra1");
        assertThat(asked(model)).containsSubsequence("outline_sections", "outline_subtopics");
        String repairPrompt = model.requests().stream()
                .filter(r -> r.schema().name().equals("outline_sections"))
                .findFirst()
                .orElseThrow()
                .messages()
                .getLast()
                .content();
        assertThat(repairPrompt).contains("- S1").contains("exactly 2 more sections");
    }

    @Test
    void failsCleanlyWhenTheReplyIsNotJsonAtAll() {
        ScriptedModel model = new ScriptedModel(request -> "Sorry, I cannot help with that.");
        assertThatThrownBy(() -> new OutlineStep().run(givenRun(model)))
                .isInstanceOf(dev.quillstream.llm.ModelException.MalformedOutput.class);
        assertThat(model.requests()).hasSize(3);
    }

    @Test
    void refusesDuplicateTitles() {
        assertThat(OutlineRules.problems(
                        new Outline(
                                "t",
                                List.of(
                                        new Outline.Section("Same", List.of()),
                                        new Outline.Section("same", List.of()))),
                        new BlogShape(2, 0, 0, 100)))
                .containsExactly("section title 'same' is used twice");
    }

    @Test
    void failsWhenRepairCannotComplete() {
        ScriptedModel model =
                new ScriptedModel(request -> switch (request.schema().name()) {
                    case "blog_outline" -> outlineJson(3, 2);
                    default -> "not json";
                });
        assertThatThrownBy(() -> new OutlineStep().run(givenRun(model)))
                .isInstanceOf(GenerationFailed.class)
                .hasMessageContaining("sections");
    }
}
