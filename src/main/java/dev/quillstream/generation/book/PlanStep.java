package dev.quillstream.generation.book;

import static dev.quillstream.llm.JsonSchemas.arrayOf;
import static dev.quillstream.llm.JsonSchemas.object;
import static dev.quillstream.llm.JsonSchemas.string;

import dev.quillstream.content.Book;
import dev.quillstream.generation.BookRequest;
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
import java.util.stream.Collectors;

/**
 * Plans the book: premise or thesis, audience, and exactly {@link BookRequest#chapters()} chapters
 * with summaries, through structured output. A wrong count is re-asked with the problem stated, then
 * cut or completed ({@link ExactCount}). The user's chapter titles and notes always win over the
 * model's: the model is told them and they replace whatever it returned.
 */
final class PlanStep implements BookStep {

    /** The plan as the model returns it. */
    record ModelPlan(String premise, String audience, List<ModelChapter> chapters) {
        ModelPlan {
            chapters = chapters == null ? List.of() : List.copyOf(chapters);
        }
    }

    record ModelChapter(String title, String summary) {}

    record MoreChapters(List<ModelChapter> chapters) {}

    @Override
    public String name() {
        return "plan";
    }

    @Override
    public boolean done(BookRun run) {
        return run.draft.plan != null;
    }

    @Override
    public void run(BookRun run) {
        if (run.draft.plan != null) {
            return;
        }
        int count = run.request.chapters();
        ModelPlan plan;
        try {
            plan = StructuredAsk.ask(run.model, request(run, count), ModelPlan.class, p -> problems(p, count));
        } catch (MalformedOutput failure) {
            plan = StructuredOutput.bindLeniently(failure, ModelPlan.class);
        }
        ModelPlan model = plan;
        List<ModelChapter> chapters = ExactCount.of(
                plan.chapters(),
                count,
                c -> ExactCount.titled(c.title()),
                missing -> more(run, model, missing),
                "chapters");
        List<Book.PlannedChapter> planned = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            BookRequest.OutlineChapter mine = run.request.outlineOf(i);
            ModelChapter theirs = chapters.get(i);
            planned.add(new Book.PlannedChapter(
                    mine == null ? theirs.title().strip() : mine.title(),
                    theirs.summary() == null ? "" : theirs.summary().strip(),
                    mine == null ? "" : mine.notes()));
        }
        run.draft.plan =
                new BookDraft.Plan(blankOr(plan.premise(), run.request.title()), blankOr(plan.audience(), ""), planned);
        run.checkpoint(name());
    }

    static List<String> problems(ModelPlan plan, int count) {
        List<String> problems = new ArrayList<>();
        if (plan.chapters().size() != count) {
            problems.add("return exactly " + count + " chapters, not "
                    + plan.chapters().size());
        }
        for (int i = 0; i < plan.chapters().size(); i++) {
            if (!ExactCount.titled(plan.chapters().get(i).title())) {
                problems.add("chapter " + (i + 1) + " has no title");
            }
        }
        return problems;
    }

    private static ModelRequest request(BookRun run, int count) {
        Map<String, String> variables = run.promptVariables();
        variables.put("chapters", Integer.toString(count));
        variables.put("chapter_instruction", chapterInstruction(run.request));
        return ModelRequest.of(
                        ModelTier.FAST,
                        List.of(
                                ChatMessage.system(Prompts.render("book/system", variables)),
                                ChatMessage.user(Prompts.render("book/plan", variables))))
                .withSchema(schema(count))
                .withTemperature(0.5)
                .withHints(run.hints("plan", run.request.title(), 0));
    }

    /** The user's chapters, which the model must plan around rather than replace. */
    private static String chapterInstruction(BookRequest request) {
        if (request.outline().isEmpty()) {
            return "Plan exactly " + request.chapters() + " chapters.";
        }
        StringBuilder text = new StringBuilder("The author has fixed these chapters; keep their titles and order:\n");
        for (int i = 0; i < request.outline().size(); i++) {
            BookRequest.OutlineChapter chapter = request.outline().get(i);
            text.append(i + 1).append(". ").append(chapter.title());
            if (!chapter.notes().isEmpty()) {
                text.append(" — ").append(chapter.notes());
            }
            text.append('\n');
        }
        return text.toString().strip();
    }

    private static List<ModelChapter> more(BookRun run, ModelPlan plan, int count) {
        Map<String, String> variables = run.promptVariables();
        variables.put("count", Integer.toString(count));
        variables.put(
                "existing",
                plan.chapters().isEmpty()
                        ? "(none)"
                        : plan.chapters().stream()
                                .filter(c -> ExactCount.titled(c.title()))
                                .map(c -> "- " + c.title())
                                .collect(Collectors.joining("\n")));
        ResponseSchema schema = new ResponseSchema(
                "more_chapters", object("chapters", arrayOf(chapter(), count, "the chapters that come next")));
        ModelRequest request = ModelRequest.of(
                        ModelTier.FAST,
                        List.of(
                                ChatMessage.system(Prompts.render("book/system", variables)),
                                ChatMessage.user(Prompts.render("book/plan-more", variables))))
                .withSchema(schema)
                .withHints(run.hints("plan", run.request.title(), 0));
        try {
            return StructuredAsk.ask(run.model, request, MoreChapters.class, value -> List.of())
                    .chapters();
        } catch (MalformedOutput e) {
            throw new GenerationFailed("the model could not complete the book's chapters", e);
        }
    }

    static ResponseSchema schema(int chapters) {
        return new ResponseSchema(
                "book_plan",
                object(
                        "premise", string("the premise (fiction) or thesis (non-fiction), 2-4 sentences"),
                        "audience", string("who the book is for"),
                        "chapters", arrayOf(chapter(), chapters, "the chapters in reading order")));
    }

    private static tools.jackson.databind.node.ObjectNode chapter() {
        return object(
                "title", string("chapter title, at most 10 words"),
                "summary", string("what the chapter covers or what happens in it, 2-3 sentences"));
    }

    private static String blankOr(String text, String fallback) {
        return text == null || text.isBlank() ? fallback : text.strip();
    }
}
