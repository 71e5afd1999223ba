package dev.quillstream.llm.offline;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Deterministic paragraphs about a subject, with the request's keywords woven in. */
final class ProseDraft {

    /** {@code %1$s} the subject (often a heading), {@code %2$s} the topic, {@code %3$s} a keyword. */
    private static final List<String> SENTENCES = List.of(
            "%2$s is easiest to understand through a concrete example from your own work.",
            "Teams that care about %2$s usually start by asking which problem %3$s solves for them.",
            "A good first step is to write down how %3$s fits into the systems you already run.",
            "When %3$s is set up with care, the rest of %2$s becomes simpler to reason about.",
            "Measure before and after each change, so the effect of %3$s is visible and not assumed.",
            "Small experiments that you can undo teach more about %2$s than long planning sessions.",
            "Write down each decision about %3$s, and note the options you chose not to take.",
            "Most trouble with %2$s comes from unclear goals, not from the tools.",
            "This part, %1$s, is about what you can apply today.",
            "Start with simple defaults, then tune %3$s only where the data shows it helps.",
            "A short checklist keeps the important parts of %2$s from being forgotten.",
            "It pays to automate the routine parts of %3$s once you understand them well.",
            "Watch for the point where extra effort on %3$s stops paying off.",
            "Clear names and plain language make %2$s easier for new people to join.",
            "Plan for failure as well: decide what happens when %3$s does not behave as expected.",
            "Share what you learn about %2$s, because the next team will face the same questions.");

    private ProseDraft() {}

    static String write(DraftHints hints, long seed) {
        Random random = new Random(seed);
        List<String> paragraphs = new ArrayList<>();
        StringBuilder paragraph = new StringBuilder();
        int words = 0;
        int sentence = random.nextInt(SENTENCES.size());
        int keyword = random.nextInt(Math.max(1, hints.keywords().size()));
        int inParagraph = 0;
        int cited = 0;
        while (words < hints.words()) {
            String text = SENTENCES
                    .get(sentence % SENTENCES.size())
                    .formatted(quoted(hints.subject()), hints.topic(), hints.keyword(keyword));
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
            sentence += 1 + random.nextInt(3);
            keyword++;
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

    private static String quoted(String subject) {
        return "\u201c" + subject + "\u201d";
    }
}
