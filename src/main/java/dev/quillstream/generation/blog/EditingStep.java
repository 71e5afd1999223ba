package dev.quillstream.generation.blog;

import dev.quillstream.content.BlogMetadata;
import dev.quillstream.generation.support.EditorialRewrite;
import dev.quillstream.generation.support.Parallel;
import dev.quillstream.generation.support.Prompts;
import dev.quillstream.llm.ChatMessage;
import dev.quillstream.llm.ModelRequest;
import dev.quillstream.llm.ModelTier;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An editorial pass over every part of the post, in parallel: proofreading (grammar and spelling,
 * meaning unchanged) or humanising (varied rhythm, no stock machine phrases). A rewrite is kept only
 * if it keeps the part's citations, keywords and headings ({@link EditorialRewrite}); otherwise the
 * model is told what it broke and tries once more, and then the original stays.
 */
final class EditingStep implements BlogStep {

    static final List<String> MACHINE_PHRASES = EditorialRewrite.MACHINE_PHRASES;

    private final String name;

    private EditingStep(String name) {
        this.name = name;
    }

    static EditingStep proofread() {
        return new EditingStep("proofread");
    }

    static EditingStep humanize() {
        return new EditingStep("humanize");
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void run(BlogRun run) {
        AtomicInteger rewritten = new AtomicInteger();
        AtomicInteger kept = new AtomicInteger();
        List<String> problems = new java.util.concurrent.CopyOnWriteArrayList<>();
        List<Runnable> tasks = new ArrayList<>();
        for (String key : new ArrayList<>(run.draft.subtopicTexts.keySet())) {
            tasks.add(() -> edit(
                    run,
                    key,
                    run.draft.subtopicTexts.get(key),
                    text -> run.draft.subtopicTexts.put(key, text),
                    rewritten,
                    kept,
                    problems));
        }
        BlogDraft.Framing framing = run.draft.framing;
        String[] introduction = {framing.introduction()};
        String[] conclusion = {framing.conclusion()};
        tasks.add(() ->
                edit(run, "introduction", introduction[0], text -> introduction[0] = text, rewritten, kept, problems));
        tasks.add(
                () -> edit(run, "conclusion", conclusion[0], text -> conclusion[0] = text, rewritten, kept, problems));
        Parallel.run(tasks, run.parallelism);
        run.draft.framing = new BlogDraft.Framing(introduction[0], conclusion[0], framing.faq());
        run.draft.editing.add(new BlogMetadata.EditPass(name, rewritten.get(), kept.get(), problems));
    }

    private void edit(
            BlogRun run,
            String part,
            String original,
            java.util.function.Consumer<String> accept,
            AtomicInteger rewritten,
            AtomicInteger kept,
            List<String> problems) {
        EditorialRewrite.Outcome outcome = EditorialRewrite.edit(
                run.model, name, part, request(run, original), original, run.request.keywords(), text -> List.of());
        if (outcome.rewritten()) {
            accept.accept(outcome.text());
            rewritten.incrementAndGet();
        } else {
            kept.incrementAndGet();
        }
        problems.addAll(outcome.problems());
    }

    private ModelRequest request(BlogRun run, String original) {
        Map<String, String> variables = run.promptVariables();
        variables.put("text", original);
        variables.put("machine_phrases", String.join(", ", MACHINE_PHRASES));
        Map<String, String> hints = new HashMap<>(run.hints(name, run.request.topic(), 0));
        hints.put("original", original);
        return ModelRequest.of(
                        ModelTier.SMART,
                        List.of(
                                ChatMessage.system(Prompts.render("blog/system", variables)),
                                ChatMessage.user(Prompts.render("blog/" + name, variables))))
                .withTemperature(name.equals("proofread") ? 0.2 : 0.8)
                .withHints(hints);
    }

    static List<String> stockPhrases(String text) {
        return EditorialRewrite.stockPhrases(text);
    }
}
