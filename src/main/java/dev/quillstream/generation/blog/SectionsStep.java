package dev.quillstream.generation.blog;

import dev.quillstream.generation.GenerationFailed;
import dev.quillstream.generation.support.MarkdownText;
import dev.quillstream.generation.support.Parallel;
import dev.quillstream.generation.support.Prompts;
import dev.quillstream.llm.ChatMessage;
import dev.quillstream.llm.ModelReply;
import dev.quillstream.llm.ModelRequest;
import dev.quillstream.llm.ModelTier;
import dev.quillstream.llm.TokenListener;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes every subtopic of every section, in parallel up to the run's limit, each streamed to the
 * listener. Each call gets the whole outline, so parts written side by side do not overlap.
 */
final class SectionsStep implements BlogStep {

    static final String NAME = "sections";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void run(BlogRun run) {
        List<Runnable> tasks = new ArrayList<>();
        List<Outline.Section> sections = run.sections();
        for (int i = 0; i < sections.size(); i++) {
            for (int j = 0; j < sections.get(i).subtopics().size(); j++) {
                int section = i;
                int subtopic = j;
                if (!run.draft.subtopicTexts.containsKey(BlogDraft.key(section, subtopic))) {
                    tasks.add(() -> write(run, section, subtopic));
                }
            }
        }
        Parallel.run(tasks, run.parallelism);
    }

    /** Writes one subtopic into the draft; also used by validation to redo an empty one. */
    static void write(BlogRun run, int section, int subtopic) {
        String part = "section " + (section + 1) + "." + (subtopic + 1);
        Outline.Section parent = run.sections().get(section);
        Outline.Subtopic target = parent.subtopics().get(subtopic);
        ModelRequest request = request(run, parent, target);
        for (int attempt = 0; attempt < 2; attempt++) {
            ModelReply reply = run.model.stream(request, new TokenListener() {
                @Override
                public void onDelta(String delta) {
                    run.listener.onToken(NAME, part, delta);
                }

                @Override
                public void onRestart() {
                    run.listener.onRestart(NAME, part);
                }
            });
            String text = MarkdownText.withoutLeadingHeading(reply.text(), target.title());
            if (!text.isBlank()) {
                run.draft.subtopicTexts.put(BlogDraft.key(section, subtopic), text);
                if (NAME.equals(run.currentStep())) {
                    run.checkpoint(NAME, run.draft.subtopicTexts.size(), run.shape.sections() * run.shape.subtopics());
                    run.listener.partFinished(NAME, part);
                }
                return;
            }
            run.listener.onRestart(NAME, part);
        }
        throw new GenerationFailed("the model returned no text for " + part + " (" + target.title() + ")");
    }

    private static ModelRequest request(BlogRun run, Outline.Section section, Outline.Subtopic subtopic) {
        Map<String, String> variables = run.promptVariables();
        variables.put("outline", run.draft.outline.asText());
        variables.put("section", section.title());
        variables.put("subtopic", subtopic.title());
        variables.put("key_points", String.join("; ", subtopic.keyPoints()));
        variables.put("words", Integer.toString(run.shape.wordsPerSubtopic()));
        boolean grounded = GroundedParts.active(run);
        if (grounded) {
            GroundedParts.addSources(run, section, subtopic, variables);
        }
        return ModelRequest.of(
                        ModelTier.SMART,
                        List.of(
                                ChatMessage.system(Prompts.render("blog/system", variables)),
                                ChatMessage.user(Prompts.render(
                                        grounded ? "blog/subtopic-grounded" : "blog/subtopic", variables))))
                .withHints(GroundedParts.hints(
                        variables, run.hints("subtopic", subtopic.title(), run.shape.wordsPerSubtopic())));
    }
}
