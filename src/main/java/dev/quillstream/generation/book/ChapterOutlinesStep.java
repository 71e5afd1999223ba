package dev.quillstream.generation.book;

import static dev.quillstream.llm.JsonSchemas.arrayOf;
import static dev.quillstream.llm.JsonSchemas.object;
import static dev.quillstream.llm.JsonSchemas.string;

import dev.quillstream.content.Book;
import dev.quillstream.generation.BookRequest;
import dev.quillstream.generation.GenerationFailed;
import dev.quillstream.generation.support.ModelHints;
import dev.quillstream.generation.support.Parallel;
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
 * Plans every chapter's sections, chapters in parallel: exactly {@link BookRequest#sectionsIn} each,
 * re-asked then cut or completed ({@link ExactCount}). A chapter whose sections the user listed is
 * taken as it is, with no model call.
 */
final class ChapterOutlinesStep implements BookStep {

    record ModelSection(String title, String notes) {}

    record ModelOutline(List<ModelSection> sections) {
        ModelOutline {
            sections = sections == null ? List.of() : List.copyOf(sections);
        }
    }

    @Override
    public String name() {
        return "outlines";
    }

    @Override
    public boolean done(BookRun run) {
        return run.draft.outlines.size() == run.request.chapters();
    }

    @Override
    public void run(BookRun run) {
        List<Runnable> tasks = new ArrayList<>();
        for (int c = 0; c < run.request.chapters(); c++) {
            int chapter = c;
            if (run.draft.outlines.containsKey(chapter)) {
                continue;
            }
            BookRequest.OutlineChapter mine = run.request.outlineOf(chapter);
            if (mine != null && !mine.sections().isEmpty()) {
                run.draft.outlines.put(
                        chapter,
                        mine.sections().stream()
                                .map(s -> new BookDraft.PlannedSection(
                                        s.title(), s.notes(), targetWords(run.request, s.targetWords())))
                                .toList());
            } else {
                tasks.add(() -> run.draft.outlines.put(chapter, plan(run, chapter)));
            }
        }
        Parallel.run(tasks, run.parallelism);
        run.checkpoint(name());
    }

    private static int targetWords(BookRequest request, int requested) {
        return requested == 0 ? request.wordsPerSection() : requested;
    }

    private static List<BookDraft.PlannedSection> plan(BookRun run, int chapter) {
        int count = run.request.sectionsIn(chapter);
        ModelOutline outline;
        try {
            outline = StructuredAsk.ask(
                    run.model, request(run, chapter, count), ModelOutline.class, o -> problems(o, count));
        } catch (MalformedOutput failure) {
            outline = StructuredOutput.bindLeniently(failure, ModelOutline.class);
        }
        ModelOutline first = outline;
        return ExactCount.of(
                        outline.sections(),
                        count,
                        s -> ExactCount.titled(s.title()),
                        missing -> more(run, chapter, first, missing),
                        "sections for chapter " + (chapter + 1))
                .stream()
                .map(s -> new BookDraft.PlannedSection(
                        s.title().strip(), s.notes() == null ? "" : s.notes().strip(), run.request.wordsPerSection()))
                .toList();
    }

    static List<String> problems(ModelOutline outline, int count) {
        List<String> problems = new ArrayList<>();
        if (outline.sections().size() != count) {
            problems.add("return exactly " + count + " sections, not "
                    + outline.sections().size());
        }
        for (int i = 0; i < outline.sections().size(); i++) {
            if (!ExactCount.titled(outline.sections().get(i).title())) {
                problems.add("section " + (i + 1) + " has no title");
            }
        }
        return problems;
    }

    private static Map<String, String> variables(BookRun run, int chapter) {
        Book.PlannedChapter planned = run.draft.plan().chapters().get(chapter);
        Map<String, String> variables = run.promptVariables();
        variables.put("premise", run.draft.plan().premise());
        variables.put("audience", run.draft.plan().audience());
        variables.put("plan", run.draft.plan().asText());
        variables.put("chapter_number", Integer.toString(chapter + 1));
        variables.put("chapter", planned.title());
        variables.put("synopsis", planned.synopsis());
        variables.put(
                "notes", planned.notes().isEmpty() ? "" : "The author's notes for this chapter: " + planned.notes());
        return variables;
    }

    private static ModelRequest request(BookRun run, int chapter, int count) {
        Map<String, String> variables = variables(run, chapter);
        variables.put("sections", Integer.toString(count));
        return ModelRequest.of(
                        ModelTier.FAST,
                        List.of(
                                ChatMessage.system(Prompts.render("book/system", variables)),
                                ChatMessage.user(Prompts.render("book/chapter-outline", variables))))
                .withSchema(schema(count))
                .withTemperature(0.5)
                .withHints(chapterHints(run, chapter));
    }

    private static List<ModelSection> more(BookRun run, int chapter, ModelOutline outline, int count) {
        Map<String, String> variables = variables(run, chapter);
        variables.put("count", Integer.toString(count));
        variables.put(
                "existing",
                outline.sections().stream()
                        .filter(s -> ExactCount.titled(s.title()))
                        .map(s -> "- " + s.title())
                        .collect(Collectors.collectingAndThen(
                                Collectors.joining("\n"), text -> text.isEmpty() ? "(none)" : text)));
        ModelRequest request = ModelRequest.of(
                        ModelTier.FAST,
                        List.of(
                                ChatMessage.system(Prompts.render("book/system", variables)),
                                ChatMessage.user(Prompts.render("book/outline-more", variables))))
                .withSchema(schema(count))
                .withHints(chapterHints(run, chapter));
        try {
            return StructuredAsk.ask(run.model, request, ModelOutline.class, value -> List.of())
                    .sections();
        } catch (MalformedOutput e) {
            throw new GenerationFailed("the model could not complete the sections of chapter " + (chapter + 1), e);
        }
    }

    /**
     * The offline model titles sections after the topic and the keywords: here, the chapter alone,
     * so that each chapter's sections differ from every other chapter's.
     */
    private static Map<String, String> chapterHints(BookRun run, int chapter) {
        String title = run.draft.plan().chapters().get(chapter).title();
        return ModelHints.of(title, List.of(), "outline", title, 0);
    }

    static ResponseSchema schema(int sections) {
        var section = object(
                "title", string("section title, at most 10 words"),
                "notes", string("what the section must cover or what happens in it, 1-3 sentences"));
        return new ResponseSchema(
                "chapter_outline", object("sections", arrayOf(section, sections, "the sections in reading order")));
    }
}
