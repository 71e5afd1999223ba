package dev.quillstream.generation.blog;

import java.util.List;

/** The plan of a post, as the outline step's structured output returns it. */
record Outline(String title, List<Section> sections) {

    Outline {
        sections = sections == null ? List.of() : List.copyOf(sections);
    }

    record Section(String title, List<Subtopic> subtopics) {
        Section {
            subtopics = subtopics == null ? List.of() : List.copyOf(subtopics);
        }
    }

    record Subtopic(String title, List<String> keyPoints) {
        Subtopic {
            keyPoints = keyPoints == null ? List.of() : List.copyOf(keyPoints);
        }
    }

    /** The outline as a numbered Markdown list, for prompts that need the whole plan. */
    String asText() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < sections.size(); i++) {
            Section section = sections.get(i);
            text.append(i + 1).append(". ").append(section.title()).append('\n');
            for (int j = 0; j < section.subtopics().size(); j++) {
                text.append("   ")
                        .append(i + 1)
                        .append('.')
                        .append(j + 1)
                        .append(' ')
                        .append(section.subtopics().get(j).title())
                        .append('\n');
            }
        }
        return text.toString();
    }
}
