package dev.quillstream.generation.blog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quillstream.content.BlogMetadata;
import dev.quillstream.generation.BlogRequest;
import dev.quillstream.generation.GenerationListener;
import dev.quillstream.generation.Tone;
import dev.quillstream.testing.ScriptedModel;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EditingStepTest {

    private static final String ORIGINAL = "Teh hpa controller scales pods [1]. Keda adds event sources [2].";

    @Test
    void proofreadingKeepsAFixThatKeepsCitationsAndKeywords() {
        ScriptedModel model = new ScriptedModel(r -> r.hint("original", "").replace("Teh", "The"));
        BlogRun run = givenPost(model);
        EditingStep.proofread().run(run);
        assertThat(run.draft.subtopicTexts.get("0.0"))
                .isEqualTo("The hpa controller scales pods [1]. Keda adds event sources [2].");
        assertThat(run.draft.editing).containsExactly(new BlogMetadata.EditPass("proofread", 3, 0, List.of()));
    }

    @Test
    void aRewriteThatDropsACitationOrAKeywordIsRetriedThenTheOriginalStays() {
        ScriptedModel model = new ScriptedModel(
                r -> r.hint("original", "").replace(" [1]", "").replace("Keda", "It"));
        BlogRun run = givenPost(model);
        EditingStep.humanize().run(run);
        assertThat(run.draft.subtopicTexts.get("0.0")).isEqualTo(ORIGINAL);
        BlogMetadata.EditPass pass = run.draft.editing.getFirst();
        assertThat(pass.keptOriginal()).isEqualTo(2); // the subtopic, and the introduction's [1]
        assertThat(pass.rewritten()).isEqualTo(1);
        assertThat(pass.problems())
                .anySatisfy(
                        p -> assertThat(p).contains("citation markers [1, 2]").contains("\"keda\""));
        assertThat(model.requests())
                .filteredOn(r -> r.hint("original", "").equals(ORIGINAL))
                .hasSize(2);
        // The parts are edited in parallel: the retry is the second request for the subtopic, not
        // necessarily the second request made.
        assertThat(model.requests().stream()
                        .filter(r -> r.hint("original", "").equals(ORIGINAL))
                        .toList()
                        .getLast()
                        .messages()
                        .getLast()
                        .content())
                .contains("broke these rules");
    }

    @Test
    void humanizingReportsStockPhrasesThatSurvive() {
        ScriptedModel model =
                new ScriptedModel(r -> r.hint("original", "").replace("scales pods", "seamlessly scales pods"));
        BlogRun run = givenPost(model);
        EditingStep.humanize().run(run);
        assertThat(run.draft.editing.getFirst().problems())
                .anySatisfy(p -> assertThat(p).contains("seamlessly"));
        assertThat(EditingStep.stockPhrases("Let's delve into the tapestry")).containsExactly("delve", "tapestry");
    }

    @Test
    void headingsMayNotAppearOrDisappear() {
        assertThat(EditInvariants.problems("Text one. Text two.", "## New\nText one. Text two.", List.of()))
                .contains("do not add or remove headings");
    }

    private static BlogRun givenPost(ScriptedModel model) {
        BlogRun run = new BlogRun(
                BlogRequest.of("Kubernetes autoscaling", List.of("hpa", "keda"), Tone.PRACTICAL),
                model,
                GenerationListener.NONE,
                2);
        run.draft.subtopicTexts.putAll(Map.of("0.0", ORIGINAL));
        run.draft.framing = new BlogDraft.Framing("Intro about hpa [1].", "End with keda.", List.of());
        return run;
    }
}
