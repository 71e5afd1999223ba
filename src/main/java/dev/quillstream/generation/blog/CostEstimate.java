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
 * provider that would answer now. Re-asks after a malformed answer are not foreseen: the run's
 * budget check stops a run that costs more than estimated.
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
        variables.put("title_max", Integer.toString(SeoMetadataStep.TITLE_MAX));
        variables.put("description_max", Integer.toString(SeoMetadataStep.DESCRIPTION_MAX));
        variables.put("tags", Integer.toString(SeoMetadataStep.TAGS));
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
        cost += price(run, ModelTier.FAST, system + tokens(Prompts.render("blog/seo", variables)), 150);
        return cost;
    }

    private static double price(BlogRun run, ModelTier tier, long prompt, long completion) {
        return run.model.estimateCostUsd(tier, new TokenUsage(prompt, completion));
    }

    private static long tokens(String text) {
        return Math.max(1, text.length() / CHARS_PER_TOKEN);
    }
}
