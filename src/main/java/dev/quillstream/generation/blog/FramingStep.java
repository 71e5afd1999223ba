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
import dev.quillstream.llm.StructuredOutput;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Writes the introduction, the conclusion and the FAQ once the body exists, so they frame what was written. */
final class FramingStep implements BlogStep {

    @Override
    public String name() {
        return "framing";
    }

    @Override
    public void run(BlogRun run) {
        int questions = run.shape.faqQuestions();
        ModelRequest request = request(run);
        BlogDraft.Framing framing;
        try {
            framing = StructuredAsk.ask(run.model, request, BlogDraft.Framing.class, f -> problems(f, questions));
        } catch (MalformedOutput failure) {
            framing = StructuredOutput.bindLeniently(failure, BlogDraft.Framing.class);
            List<BlogDraft.Framing.Faq> usable = framing.faq().stream()
                    .filter(f -> !f.question().isBlank() && !f.answer().isBlank())
                    .limit(questions)
                    .toList();
            if (framing.introduction().isBlank() || framing.conclusion().isBlank() || usable.isEmpty()) {
                throw new GenerationFailed("the model could not write the introduction, conclusion and FAQ", failure);
            }
            framing = new BlogDraft.Framing(framing.introduction(), framing.conclusion(), usable);
        }
        run.draft.framing = framing;
    }

    static List<String> problems(BlogDraft.Framing framing, int questions) {
        List<String> problems = new ArrayList<>();
        if (framing.introduction() == null || framing.introduction().isBlank()) {
            problems.add("the introduction is empty");
        }
        if (framing.conclusion() == null || framing.conclusion().isBlank()) {
            problems.add("the conclusion is empty");
        }
        if (framing.faq().size() != questions) {
            problems.add("return exactly " + questions + " FAQ entries, not "
                    + framing.faq().size());
        }
        return problems;
    }

    private static ModelRequest request(BlogRun run) {
        Map<String, String> variables = run.promptVariables();
        variables.put("outline", run.draft.outline.asText());
        variables.put("summary", BodySummary.of(run));
        variables.put("questions", Integer.toString(run.shape.faqQuestions()));
        return ModelRequest.of(
                        ModelTier.SMART,
                        List.of(
                                ChatMessage.system(Prompts.render("blog/system", variables)),
                                ChatMessage.user(Prompts.render("blog/framing", variables))))
                .withSchema(schema(run.shape.faqQuestions()))
                .withHints(run.hints("framing", run.request.topic(), 120));
    }

    static ResponseSchema schema(int questions) {
        var faq = object(
                "question", string("a question readers ask"), "answer", string("a direct answer of 2-4 sentences"));
        return new ResponseSchema(
                "blog_framing",
                object(
                        "introduction", string("the introduction, Markdown paragraphs, no heading"),
                        "conclusion", string("the conclusion, Markdown paragraphs, no heading"),
                        "faq", arrayOf(faq, questions, "frequently asked questions")));
    }
}
