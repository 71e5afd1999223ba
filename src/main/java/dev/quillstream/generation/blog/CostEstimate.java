package dev.quillstream.generation.blog;

import dev.quillstream.generation.support.Prompts;
import dev.quillstream.llm.ModelTier;
import dev.quillstream.llm.TokenUsage;
import java.util.Map;

/**
 * What a post will cost before it is written: the pipeline's calls follow from its {@link
 * BlogShape} (one outline, one call per subtopic, framing, SEO metadata); each prompt is the real
 * template rendered with stand-ins of the expected size for what is not known yet (the outline,
 * the body summary), and each answer is the words asked for at 1.4 tokens per word. Priced at the
 * provider that would answer now. Proofread and humanize passes are counted when asked for. Re-asks
 * after a malformed answer and SEO repairs are not foreseen: the run's budget check stops a run
 * that costs more than estimated.
 */
final class CostEstimate {

    static final double TOKENS_PER_WORD = 1.4;
    private static final int CHARS_PER_TOKEN = 4;
    private static final int OUTLINE_CHARS_PER_SUBTOPIC = 220;
    private static final int SUMMARY_CHARS_PER_SUBTOPIC = 280;

    private CostEstimate() {}

    static double of(BlogRun run) {
        BlogShape shape = run.shape;
        int parts = shape.sections() * shape.subtopics();
        Map<String, String> variables = run.promptVariables();
        variables.put("sections", Integer.toString(shape.sections()));
        variables.put("subtopics", Integer.toString(shape.subtopics()));
        variables.put("outline", "x".repeat(parts * OUTLINE_CHARS_PER_SUBTOPIC));
        variables.put("summary", "x".repeat(parts * SUMMARY_CHARS_PER_SUBTOPIC));
        variables.put("section", "x".repeat(40));
        variables.put("subtopic", "x".repeat(40));
        variables.put("key_points", "x".repeat(120));
        variables.put("words", Integer.toString(shape.wordsPerSubtopic()));
        variables.put("questions", Integer.toString(shape.faqQuestions()));
        variables.put("title", "x".repeat(60));
        variables.put("title_min", Integer.toString(dev.quillstream.seo.SeoAnalyzer.TITLE_MIN));
        variables.put("title_max", Integer.toString(SeoMetadataStep.TITLE_MAX));
        variables.put("description_min", Integer.toString(dev.quillstream.seo.SeoAnalyzer.DESCRIPTION_MIN));
        variables.put("description_max", Integer.toString(SeoMetadataStep.DESCRIPTION_MAX));
        variables.put("tags", Integer.toString(SeoMetadataStep.TAGS));
        variables.put("related_terms", Integer.toString(SeoMetadataStep.RELATED_TERMS));
        variables.put("images", Integer.toString(SeoMetadataStep.IMAGES));
        long system = tokens(Prompts.render("blog/system", variables));

        double cost = price(
                run, ModelTier.FAST, system + tokens(Prompts.render("blog/outline", variables)), parts * 55L + 30);
        long subtopicAnswer = Math.round(shape.wordsPerSubtopic() * TOKENS_PER_WORD);
        cost += parts
                * price(
                        run,
                        ModelTier.SMART,
                        system + tokens(Prompts.render("blog/subtopic", variables)),
                        subtopicAnswer);
        long framingAnswer = Math.round((150 + 150 + shape.faqQuestions() * 70) * TOKENS_PER_WORD);
        cost += price(run, ModelTier.SMART, system + tokens(Prompts.render("blog/framing", variables)), framingAnswer);
        cost += price(run, ModelTier.FAST, system + tokens(Prompts.render("blog/seo", variables)), 300);
        // Each editorial pass rewrites every subtopic plus the introduction and conclusion once.
        for (String pass : editorialPasses(run)) {
            variables.put("text", "x".repeat((int) (subtopicAnswer * CHARS_PER_TOKEN)));
            variables.put("machine_phrases", String.join(", ", EditingStep.MACHINE_PHRASES));
            long prompt = system + tokens(Prompts.render("blog/" + pass, variables));
            cost += (parts + 2) * price(run, ModelTier.SMART, prompt, subtopicAnswer);
        }
        return cost;
    }

    private static java.util.List<String> editorialPasses(BlogRun run) {
        java.util.List<String> passes = new java.util.ArrayList<>();
        if (run.request.proofread()) {
            passes.add("proofread");
        }
        if (run.request.humanize()) {
            passes.add("humanize");
        }
        return passes;
    }

    private static double price(BlogRun run, ModelTier tier, long prompt, long completion) {
        return run.model.estimateCostUsd(tier, new TokenUsage(prompt, completion));
    }

    private static long tokens(String text) {
        return Math.max(1, text.length() / CHARS_PER_TOKEN);
    }
}
