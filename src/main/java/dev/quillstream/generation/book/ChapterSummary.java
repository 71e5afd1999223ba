package dev.quillstream.generation.book;

import static dev.quillstream.llm.JsonSchemas.arrayOf;
import static dev.quillstream.llm.JsonSchemas.object;
import static dev.quillstream.llm.JsonSchemas.string;

import dev.quillstream.content.Book;
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
import java.util.Set;
import tools.jackson.databind.node.ObjectNode;

/**
 * After a chapter is written: its summary (what later chapters are told it said) and the bible's
 * new entries (what later chapters must agree with), in one structured call. The chapter's earlier
 * entries are replaced, so summarising a rewritten chapter again leaves no stale facts.
 */
final class ChapterSummary {

    static final Set<String> KINDS = Set.of("fact", "character", "place", "term");
    private static final int MAX_ENTRIES = 8;

    record Entry(String name, String kind, String details) {}

    record Summary(String summary, List<Entry> entries) {
        Summary {
            entries = entries == null ? List.of() : List.copyOf(entries);
        }
    }

    private ChapterSummary() {}

    static void summarise(BookRun run, int chapter) {
        ModelRequest request = request(run, chapter);
        Summary summary;
        try {
            summary = StructuredAsk.ask(
                    run.model,
                    request,
                    Summary.class,
                    s -> s.summary() == null || s.summary().isBlank()
                            ? List.of("the summary must not be empty")
                            : List.of());
        } catch (MalformedOutput failure) {
            summary = StructuredOutput.bindLeniently(failure, Summary.class);
        }
        int number = chapter + 1;
        run.draft.bible.removeIf(e -> e.chapter() == number);
        summary.entries().stream()
                .filter(e -> e.name() != null && !e.name().isBlank())
                .filter(e -> run.draft.bible.stream()
                        .noneMatch(
                                known -> known.name().equalsIgnoreCase(e.name().strip())))
                .limit(MAX_ENTRIES)
                .forEach(e -> run.draft.bible.add(new Book.BibleEntry(
                        e.name().strip(),
                        e.kind() != null && KINDS.contains(e.kind()) ? e.kind() : "fact",
                        e.details() == null ? "" : e.details().strip(),
                        number)));
        String text = summary.summary() == null || summary.summary().isBlank()
                ? run.draft.plan().chapters().get(chapter).synopsis()
                : summary.summary().strip();
        run.draft.summaries.put(chapter, text);
    }

    private static ModelRequest request(BookRun run, int chapter) {
        Map<String, String> variables = run.promptVariables();
        variables.put("chapter_number", Integer.toString(chapter + 1));
        variables.put("chapter", run.draft.plan().chapters().get(chapter).title());
        variables.put("bible", SectionWriter.bible(run.draft.bible, chapter));
        variables.put("text", chapterText(run, chapter));
        return ModelRequest.of(
                        ModelTier.FAST,
                        List.of(
                                ChatMessage.system(Prompts.render("book/system", variables)),
                                ChatMessage.user(Prompts.render("book/summary", variables))))
                .withSchema(schema())
                .withTemperature(0.2)
                .withHints(run.hints(
                        "summary", run.draft.plan().chapters().get(chapter).title(), 0));
    }

    private static String chapterText(BookRun run, int chapter) {
        StringBuilder text = new StringBuilder();
        List<BookDraft.PlannedSection> sections = run.draft.outline(chapter);
        for (int s = 0; s < sections.size(); s++) {
            text.append("## ")
                    .append(sections.get(s).title())
                    .append("\n\n")
                    .append(run.draft.section(chapter, s))
                    .append("\n\n");
        }
        return text.toString().strip();
    }

    static ResponseSchema schema() {
        ObjectNode kind = string("fact, character, place or term");
        kind.set(
                "enum",
                tools.jackson.databind.node.JsonNodeFactory.instance
                        .arrayNode()
                        .add("fact")
                        .add("character")
                        .add("place")
                        .add("term"));
        var entry = object("name", string("the name or term"), "kind", kind, "details", string("1-2 sentences"));
        return new ResponseSchema(
                "chapter_summary",
                object(
                        "summary",
                        string("what the chapter says or what happens in it, 3-5 sentences"),
                        "entries",
                        arrayOf(
                                entry,
                                1,
                                MAX_ENTRIES,
                                "what the chapter establishes that later chapters must agree with")));
    }
}
