package dev.quillstream.generation.blog;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** What an outline must satisfy beyond its JSON shape; each problem is phrased for the model to fix. */
final class OutlineRules {

    private OutlineRules() {}

    static List<String> problems(Outline outline, BlogShape shape) {
        List<String> problems = new ArrayList<>();
        if (outline.sections().size() != shape.sections()) {
            problems.add("return exactly " + shape.sections() + " sections, not "
                    + outline.sections().size());
        }
        Set<String> titles = new HashSet<>();
        for (int i = 0; i < outline.sections().size(); i++) {
            Outline.Section section = outline.sections().get(i);
            if (section.title() == null || section.title().isBlank()) {
                problems.add("section " + (i + 1) + " has no title");
            } else if (!titles.add(section.title().strip().toLowerCase(Locale.ROOT))) {
                problems.add("section title '" + section.title() + "' is used twice");
            }
            if (section.subtopics().size() != shape.subtopics()) {
                problems.add("section " + (i + 1) + " must have exactly " + shape.subtopics() + " subtopics, not "
                        + section.subtopics().size());
            }
            for (int j = 0; j < section.subtopics().size(); j++) {
                String title = section.subtopics().get(j).title();
                if (title == null || title.isBlank()) {
                    problems.add("subtopic " + (i + 1) + "." + (j + 1) + " has no title");
                }
            }
        }
        return problems;
    }
}
