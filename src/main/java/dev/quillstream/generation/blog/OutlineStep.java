package dev.quillstream.generation.blog;

import static dev.quillstream.llm.JsonSchemas.arrayOf;
import static dev.quillstream.llm.JsonSchemas.object;
import static dev.quillstream.llm.JsonSchemas.string;

import dev.quillstream.generation.support.Prompts;
import dev.quillstream.generation.support.StructuredAsk;
import dev.quillstream.llm.ChatMessage;
import dev.quillstream.llm.ModelException.MalformedOutput;
import dev.quillstream.llm.ModelRequest;
import dev.quillstream.llm.ModelTier;
import dev.quillstream.llm.ResponseSchema;
import dev.quillstream.llm.StructuredOutput;
import java.util.List;
import java.util.Map;

/**
 * Plans the post: exactly {@link BlogShape#sections()} sections of exactly
 * {@link BlogShape#subtopics()} subtopics. A model that returns another count is asked again
 * with the problem stated; if it keeps missing, {@link OutlineRepair} trims or completes it.
 */
final class OutlineStep implements BlogStep {

    @Override
    public String name() {
        return "outline";
    }

    @Override
    public void run(BlogRun run) {
        ModelRequest request = request(run);
        Outline outline;
        try {
            outline = StructuredAsk.ask(run.model, request, Outline.class, o -> OutlineRules.problems(o, run.shape));
        } catch (MalformedOutput failure) {
            outline = new OutlineRepair(run).repair(StructuredOutput.bindLeniently(failure, Outline.class));
        }
        run.draft.outline = outline;
    }

    private static ModelRequest request(BlogRun run) {
        Map<String, String> variables = run.promptVariables();
        variables.put("sections", Integer.toString(run.shape.sections()));
        variables.put("subtopics", Integer.toString(run.shape.subtopics()));
        return ModelRequest.of(
                        ModelTier.FAST,
                        List.of(
                                ChatMessage.system(Prompts.render("blog/system", variables)),
                                ChatMessage.user(Prompts.render("blog/outline", variables))))
                .withSchema(schema(run.shape.sections(), run.shape.subtopics()))
                .withTemperature(0.4)
                .withHints(run.hints("outline", run.request.topic(), 0));
    }

    static ResponseSchema schema(int sections, int subtopics) {
        var subtopic = object(
                "title", string("subtopic heading"),
                "key_points", arrayOf(string("one point to cover"), 2, 4, "what the subtopic must cover"));
        var section = object(
                "title", string("section heading (H2)"),
                "subtopics", arrayOf(subtopic, subtopics, "the section's subtopics (H3)"));
        return new ResponseSchema(
                "blog_outline",
                object(
                        "title",
                        string("working title of the post"),
                        "sections",
                        arrayOf(section, sections, "body sections")));
    }
}
