package dev.quillstream.generation.book;

import dev.quillstream.content.Book;
import dev.quillstream.generation.GenerationFailed;
import dev.quillstream.generation.grounding.Grounding;
import dev.quillstream.generation.support.MarkdownText;
import dev.quillstream.generation.support.Prompts;
import dev.quillstream.llm.ChatMessage;
import dev.quillstream.llm.ModelReply;
import dev.quillstream.llm.ModelRequest;
import dev.quillstream.llm.ModelTier;
import dev.quillstream.llm.TokenListener;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Writes one section, streamed to the listener, given the plan, its chapter's outline, the bible and
 * the earlier chapters' summaries (and, for a researched book, the passages relevant to it). A
 * section outside ±15 % of its target is asked to expand or shorten, at most {@value #RESIZES} times;
 * what is still off target is reported by validation.
 */
final class SectionWriter {

    static final String STEP = "chapters";
    static final int RESIZES = 2;
    private static final int PASSAGES = 4;

    private SectionWriter() {}

    static String write(BookRun run, int chapter, int section, @Nullable String instructions) {
        BookDraft.PlannedSection planned = run.draft.outline(chapter).get(section);
        String part = part(chapter, section);
        Map<String, String> variables = variables(run, chapter, planned, instructions);
        Grounding grounding = run.draft.grounding();
        Map<String, String> hints = run.hints("section", planned.title(), planned.targetWords());
        if (grounding != null) {
            variables.putAll(grounding.promptVariables(
                    String.join(" ", planned.title(), planned.notes(), variables.get("chapter"), run.request.title()),
                    PASSAGES));
            hints = Grounding.citationHints(variables, hints);
        }
        ModelRequest request = ModelRequest.of(
                        ModelTier.SMART,
                        List.of(
                                ChatMessage.system(Prompts.render("book/system", variables)),
                                ChatMessage.user(Prompts.render(
                                        grounding != null ? "book/section-grounded" : "book/section", variables))))
                .withHints(hints);
        String text = "";
        for (int attempt = 0; attempt < 2 && text.isBlank(); attempt++) {
            if (attempt > 0) {
                run.listener.onRestart(STEP, part);
            }
            text = MarkdownText.withoutLeadingHeading(stream(run, request, part), planned.title());
        }
        if (text.isBlank()) {
            throw new GenerationFailed("the model returned no text for " + part + " (" + planned.title() + ")");
        }
        for (int resize = 0; resize < RESIZES && !SectionLength.fits(text, planned.targetWords()); resize++) {
            String resized = MarkdownText.withoutLeadingHeading(
                    run.model
                            .complete(resizeRequest(run, chapter, planned, text, hints))
                            .text(),
                    planned.title());
            if (!resized.isBlank()) {
                text = resized;
            }
        }
        return SectionEditing.edit(run, chapter, planned, text);
    }

    static String part(int chapter, int section) {
        return "chapter " + (chapter + 1) + " section " + (section + 1);
    }

    private static String stream(BookRun run, ModelRequest request, String part) {
        ModelReply reply = run.model.stream(request, new TokenListener() {
            @Override
            public void onDelta(String delta) {
                run.listener.onToken(STEP, part, delta);
            }

            @Override
            public void onRestart() {
                run.listener.onRestart(STEP, part);
            }
        });
        return reply.text();
    }

    private static Map<String, String> variables(
            BookRun run, int chapter, BookDraft.PlannedSection planned, @Nullable String instructions) {
        BookDraft.Plan plan = run.draft.plan();
        Book.PlannedChapter parent = plan.chapters().get(chapter);
        Map<String, String> variables = run.promptVariables();
        variables.put("premise", plan.premise());
        variables.put("audience", plan.audience());
        variables.put("plan", plan.asText());
        variables.put("earlier", earlier(run, chapter));
        variables.put("bible", bible(run.draft.bible, chapter + 1));
        variables.put("chapter_number", Integer.toString(chapter + 1));
        variables.put("chapter", parent.title());
        variables.put(
                "synopsis",
                parent.synopsis() + (parent.notes().isEmpty() ? "" : " The author's notes: " + parent.notes()));
        variables.put("chapter_outline", chapterOutline(run.draft.outline(chapter)));
        variables.put("section", planned.title());
        variables.put("notes", planned.notes().isEmpty() ? "(as its title says)" : planned.notes());
        variables.put("words", Integer.toString(planned.targetWords()));
        variables.put(
                "instructions",
                instructions == null || instructions.isBlank()
                        ? ""
                        : "This section is being rewritten. The author's instructions for it: " + instructions.strip()
                                + "\n");
        return variables;
    }

    private static String earlier(BookRun run, int chapter) {
        if (chapter == 0) {
            return "(this is the first chapter)";
        }
        StringBuilder text = new StringBuilder();
        for (int c = 0; c < chapter; c++) {
            text.append("Chapter ")
                    .append(c + 1)
                    .append(", ")
                    .append(run.draft.plan().chapters().get(c).title())
                    .append(": ")
                    .append(run.draft.summaries.getOrDefault(c, "(not summarised)"))
                    .append('\n');
        }
        return text.toString().strip();
    }

    /** The entries introduced up to and including chapter {@code upTo} (1-based). */
    static String bible(List<Book.BibleEntry> bible, int upTo) {
        String text = bible.stream()
                .filter(e -> e.chapter() <= upTo)
                .map(e -> "- " + e.name() + " (" + e.kind() + ", chapter " + e.chapter() + "): " + e.description())
                .collect(Collectors.joining("\n"));
        return text.isEmpty() ? "(nothing established yet)" : text;
    }

    private static String chapterOutline(List<BookDraft.PlannedSection> sections) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < sections.size(); i++) {
            text.append(i + 1).append(". ").append(sections.get(i).title());
            if (!sections.get(i).notes().isEmpty()) {
                text.append(" — ").append(sections.get(i).notes());
            }
            text.append('\n');
        }
        return text.toString().strip();
    }

    private static ModelRequest resizeRequest(
            BookRun run, int chapter, BookDraft.PlannedSection planned, String text, Map<String, String> hints) {
        int target = planned.targetWords();
        int actual = SectionLength.words(text);
        Map<String, String> variables = run.promptVariables();
        variables.put("section", planned.title());
        variables.put("chapter_number", Integer.toString(chapter + 1));
        variables.put("actual", Integer.toString(actual));
        variables.put("words", Integer.toString(target));
        variables.put("minimum", Integer.toString(SectionLength.minimum(target)));
        variables.put("maximum", Integer.toString(SectionLength.maximum(target)));
        variables.put("direction", actual < target ? "Expand" : "Shorten");
        variables.put("text", text);
        return ModelRequest.of(
                        ModelTier.SMART,
                        List.of(
                                ChatMessage.system(Prompts.render("book/system", variables)),
                                ChatMessage.user(Prompts.render("book/resize", variables))))
                .withHints(hints);
    }
}
