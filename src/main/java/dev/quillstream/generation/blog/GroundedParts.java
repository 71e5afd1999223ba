package dev.quillstream.generation.blog;

import dev.quillstream.generation.grounding.Grounding;
import java.util.Map;

/**
 * What a researched post's subtopic prompt adds: the passages relevant to that subtopic (not the
 * whole corpus), fenced as quoted data, and their source numbers — in the prompt for a real model,
 * and in the hints for the offline model, whose drafts then carry valid {@code [n]} markers.
 */
final class GroundedParts {

    /** Passages per subtopic: enough to support a few claims, small enough to keep prompts short. */
    static final int PASSAGES = 4;

    private GroundedParts() {}

    static boolean active(BlogRun run) {
        return run.draft.grounding != null;
    }

    /** Adds {@code sources} and {@code citation_numbers} to the subtopic's prompt variables. */
    static void addSources(
            BlogRun run, Outline.Section section, Outline.Subtopic subtopic, Map<String, String> variables) {
        String query = String.join(
                " ", section.title(), subtopic.title(), String.join(" ", subtopic.keyPoints()), run.request.topic());
        variables.putAll(run.draft.grounding.promptVariables(query, PASSAGES));
    }

    /** The hints with the source numbers the part may cite, for the offline model. */
    static Map<String, String> hints(Map<String, String> variables, Map<String, String> hints) {
        return Grounding.citationHints(variables, hints);
    }
}
