package dev.quillstream.generation.book;

import dev.quillstream.content.BlogMetadata;
import dev.quillstream.generation.support.EditorialRewrite;
import dev.quillstream.generation.support.Prompts;
import dev.quillstream.llm.ChatMessage;
import dev.quillstream.llm.ModelRequest;
import dev.quillstream.llm.ModelTier;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The editorial passes a request asks for (proofread, humanize), on each section as soon as it is
 * written, so a checkpointed section is a finished one. A rewrite is kept only if it keeps the
 * section's citations, keywords and headings and, when the section met its target length, still
 * meets it ({@link EditorialRewrite}).
 */
final class SectionEditing {

    /** What one pass did over the sections this run wrote. */
    static final class Tally {
        final String pass;
        final AtomicInteger rewritten = new AtomicInteger();
        final AtomicInteger kept = new AtomicInteger();
        final List<String> problems = new CopyOnWriteArrayList<>();

        Tally(String pass) {
            this.pass = pass;
        }

        BlogMetadata.EditPass report() {
            return new BlogMetadata.EditPass(pass, rewritten.get(), kept.get(), problems);
        }
    }

    private SectionEditing() {}

    static List<String> passes(BookRun run) {
        List<String> passes = new ArrayList<>();
        if (run.request.proofread()) {
            passes.add("proofread");
        }
        if (run.request.humanize()) {
            passes.add("humanize");
        }
        return passes;
    }

    static String edit(BookRun run, int chapter, BookDraft.PlannedSection planned, String text) {
        String current = text;
        for (String pass : passes(run)) {
            Tally tally = run.editing.computeIfAbsent(pass, Tally::new);
            boolean fitted = SectionLength.fits(current, planned.targetWords());
            EditorialRewrite.Outcome outcome = EditorialRewrite.edit(
                    run.model,
                    pass,
                    "chapter " + (chapter + 1) + " \"" + planned.title() + "\"",
                    request(run, pass, planned, current),
                    current,
                    run.request.keywords(),
                    rewrite -> !fitted || SectionLength.fits(rewrite, planned.targetWords())
                            ? List.of()
                            : List.of("keep between " + SectionLength.minimum(planned.targetWords()) + " and "
                                    + SectionLength.maximum(planned.targetWords()) + " words (found "
                                    + SectionLength.words(rewrite) + ")"));
            (outcome.rewritten() ? tally.rewritten : tally.kept).incrementAndGet();
            tally.problems.addAll(outcome.problems());
            current = outcome.text();
        }
        return current;
    }

    private static ModelRequest request(BookRun run, String pass, BookDraft.PlannedSection planned, String text) {
        Map<String, String> variables = run.promptVariables();
        variables.put("text", text);
        variables.put("machine_phrases", String.join(", ", EditorialRewrite.MACHINE_PHRASES));
        variables.put("minimum", Integer.toString(SectionLength.minimum(planned.targetWords())));
        variables.put("maximum", Integer.toString(SectionLength.maximum(planned.targetWords())));
        Map<String, String> hints = new HashMap<>(run.hints(pass, planned.title(), planned.targetWords()));
        hints.put("original", text);
        return ModelRequest.of(
                        ModelTier.SMART,
                        List.of(
                                ChatMessage.system(Prompts.render("book/system", variables)),
                                ChatMessage.user(Prompts.render("book/" + pass, variables))))
                .withTemperature(pass.equals("proofread") ? 0.2 : 0.8)
                .withHints(hints);
    }
}
