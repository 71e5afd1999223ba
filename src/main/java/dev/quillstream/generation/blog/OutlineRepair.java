package dev.quillstream.generation.blog;

import static dev.quillstream.llm.JsonSchemas.arrayOf;
import static dev.quillstream.llm.JsonSchemas.object;
import static dev.quillstream.llm.JsonSchemas.string;

import dev.quillstream.generation.GenerationFailed;
import dev.quillstream.generation.support.Prompts;
import dev.quillstream.generation.support.StructuredAsk;
import dev.quillstream.llm.ChatMessage;
import dev.quillstream.llm.ModelException.MalformedOutput;
import dev.quillstream.llm.ModelRequest;
import dev.quillstream.llm.ModelTier;
import dev.quillstream.llm.ResponseSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Brings an outline with the wrong counts to the planned shape: extra sections and subtopics are
 * dropped (the first ones are the model's priorities), missing ones are asked for on their own,
 * given the titles that exist so they do not repeat them.
 */
final class OutlineRepair {

    private final BlogRun run;

    OutlineRepair(BlogRun run) {
        this.run = run;
    }

    Outline repair(Outline outline) {
        BlogShape shape = run.shape;
        List<Outline.Section> sections = new ArrayList<>(outline.sections().stream()
                .filter(s -> s.title() != null && !s.title().isBlank())
                .limit(shape.sections())
                .toList());
        if (sections.size() < shape.sections()) {
            sections.addAll(missingSections(outline.title(), sections, shape.sections() - sections.size()));
        }
        List<Outline.Section> fixed = new ArrayList<>();
        for (Outline.Section section : sections) {
            List<Outline.Subtopic> subtopics = new ArrayList<>(section.subtopics().stream()
                    .filter(s -> s.title() != null && !s.title().isBlank())
                    .limit(shape.subtopics())
                    .toList());
            if (subtopics.size() < shape.subtopics()) {
                subtopics.addAll(missingSubtopics(section.title(), subtopics, shape.subtopics() - subtopics.size()));
            }
            fixed.add(new Outline.Section(section.title(), subtopics));
        }
        Outline repaired = new Outline(outline.title() == null ? run.request.topic() : outline.title(), fixed);
        List<String> problems = OutlineRules.problems(repaired, shape);
        if (!problems.isEmpty()) {
            throw new GenerationFailed("the outline could not be repaired: " + String.join("; ", problems));
        }
        return repaired;
    }

    private List<Outline.Section> missingSections(String title, List<Outline.Section> existing, int count) {
        var subtopic = object(
                "title", string("subtopic heading"),
                "key_points", arrayOf(string("one point to cover"), 2, 4, "what to cover"));
        var section = object(
                "title", string("section heading"),
                "subtopics", arrayOf(subtopic, run.shape.subtopics(), "the section's subtopics"));
        ResponseSchema schema =
                new ResponseSchema("outline_sections", object("sections", arrayOf(section, count, "new sections")));
        return ask(
                        schema,
                        MoreSections.class,
                        "sections",
                        count,
                        title,
                        titles(existing.stream().map(Outline.Section::title).toList()))
                .sections();
    }

    private List<Outline.Subtopic> missingSubtopics(String section, List<Outline.Subtopic> existing, int count) {
        var subtopic = object(
                "title", string("subtopic heading"),
                "key_points", arrayOf(string("one point to cover"), 2, 4, "what to cover"));
        ResponseSchema schema =
                new ResponseSchema("outline_subtopics", object("subtopics", arrayOf(subtopic, count, "new subtopics")));
        return ask(
                        schema,
                        MoreSubtopics.class,
                        "subtopics",
                        count,
                        section,
                        titles(existing.stream().map(Outline.Subtopic::title).toList()))
                .subtopics();
    }

    private <T> T ask(ResponseSchema schema, Class<T> type, String what, int count, String parent, String existing) {
        Map<String, String> variables = run.promptVariables();
        variables.put("what", what);
        variables.put("count", Integer.toString(count));
        variables.put("parent", parent);
        variables.put("existing", existing);
        ModelRequest request = ModelRequest.of(
                        ModelTier.FAST,
                        List.of(
                                ChatMessage.system(Prompts.render("blog/system", variables)),
                                ChatMessage.user(Prompts.render("blog/outline-repair", variables))))
                .withSchema(schema)
                .withHints(run.hints("outline", parent, 0));
        try {
            return StructuredAsk.ask(run.model, request, type, value -> List.of());
        } catch (MalformedOutput e) {
            throw new GenerationFailed("the model could not complete the outline's " + what, e);
        }
    }

    record MoreSections(List<Outline.Section> sections) {}

    record MoreSubtopics(List<Outline.Subtopic> subtopics) {}

    private static String titles(List<String> titles) {
        return titles.isEmpty() ? "(none)" : titles.stream().map(t -> "- " + t).collect(Collectors.joining("\n"));
    }
}
