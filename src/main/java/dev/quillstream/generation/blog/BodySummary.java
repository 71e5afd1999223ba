package dev.quillstream.generation.blog;

import dev.quillstream.generation.support.MarkdownText;
import java.util.List;

/** The first sentences of each written subtopic: enough for framing and metadata prompts without the whole body. */
final class BodySummary {

    private BodySummary() {}

    static String of(BlogRun run) {
        StringBuilder summary = new StringBuilder();
        List<Outline.Section> sections = run.sections();
        for (int i = 0; i < sections.size(); i++) {
            summary.append("## ").append(sections.get(i).title()).append('\n');
            for (int j = 0; j < sections.get(i).subtopics().size(); j++) {
                String text = run.draft.subtopicTexts.getOrDefault(BlogDraft.key(i, j), "");
                summary.append("- ")
                        .append(sections.get(i).subtopics().get(j).title())
                        .append(": ")
                        .append(MarkdownText.shorten(text, 240))
                        .append('\n');
            }
        }
        return summary.toString();
    }
}
