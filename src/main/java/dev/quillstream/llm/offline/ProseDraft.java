package dev.quillstream.llm.offline;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Deterministic paragraphs about a subject. Keywords are woven in at a rate that keeps each one
 * within common keyword-density guidance (about 1 %), sentences stay short and many open with a
 * transition, so offline drafts read like plain English to the SEO analyzer too.
 */
final class ProseDraft {

    /** {@code %1$s} the topic, {@code %2$s} a keyword. */
    private static final List<String> WITH_KEYWORD = List.of(
            "A good first step is to write down how %2$s fits into the systems you already run.",
            "When you set up %2$s with care, the rest of %1$s becomes simpler to reason about.",
            "Measure before and after each change, so the effect of %2$s is visible.",
            "For example, write down each decision about %2$s and the options you chose not to take.",
            "Start with simple defaults, then tune %2$s only where the data shows it helps.",
            "Also, automate the routine parts of %2$s once you understand them well.",
            "However, watch for the point where extra work on %2$s stops paying off.",
            "Plan for failure as well: decide what happens when %2$s does not behave as you expect.");

    /** {@code %1$s} the topic. */
    private static final List<String> PLAIN = List.of(
            "%1$s is easiest to learn through a real example from your own work.",
            "Most trouble here comes from unclear goals, not from the tools.",
            "Small experiments that you can undo teach more than long planning sessions.",
            "Then review the results with the people who depend on the system every day.",
            "A short checklist helps you remember the important parts.",
            "Clear names and plain language also make %1$s easier for new people to join.",
            "Because each team works a little differently, adapt these steps to yours.",
            "Next, share what you learn, since the next team will face the same questions.",
            "In practice, the simplest setup that meets your needs is usually the right one.",
            "First, agree on what good looks like, so everyone can tell when you get there.",
            "Keep a short log of what you tried and what happened.",
            "Finally, revisit the setup every few months, because needs change over time.");

    private ProseDraft() {}

    static String write(DraftHints hints, long seed) {
        Random random = new Random(seed);
        List<String> paragraphs = new ArrayList<>();
        StringBuilder paragraph = new StringBuilder();
        int words = 0;
        int keyword = random.nextInt(Math.max(1, hints.keywords().size()));
        double keywordRate = Math.clamp(0.15 * Math.max(1, hints.keywords().size()), 0.15, 0.8);
        int inParagraph = 0;
        int cited = 0;
        if (!hints.leadKeyword().isEmpty()) {
            String lead = "This guide covers " + hints.leadKeyword() + " in " + hints.topic() + ", step by step.";
            paragraph.append(lead);
            words += lead.split("\\s+").length;
            inParagraph++;
        }
        while (words < hints.words()) {
            String text = random.nextDouble() < keywordRate
                    ? WITH_KEYWORD
                            .get(random.nextInt(WITH_KEYWORD.size()))
                            .formatted(hints.topic(), hints.keyword(keyword++))
                    : PLAIN.get(random.nextInt(PLAIN.size())).formatted(hints.topic());
            text = Character.toUpperCase(text.charAt(0)) + text.substring(1);
            if (!hints.citations().isEmpty() && inParagraph % 2 == 1) {
                // Grounded parts cite the sources they were given, as a real model is asked to.
                int citation = hints.citations().get(cited++ % hints.citations().size());
                text = text.substring(0, text.length() - 1) + " [" + citation + "]" + text.substring(text.length() - 1);
            }
            if (!paragraph.isEmpty()) {
                paragraph.append(' ');
            }
            paragraph.append(text);
            words += text.split("\\s+").length;
            if (++inParagraph == 4) {
                paragraphs.add(paragraph.toString());
                paragraph.setLength(0);
                inParagraph = 0;
            }
        }
        if (!paragraph.isEmpty()) {
            paragraphs.add(paragraph.toString());
        }
        return String.join("\n\n", paragraphs);
    }
}
