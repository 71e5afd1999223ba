package dev.quillstream.generation.grounding;

import dev.quillstream.research.SourceKind;
import java.util.List;

/**
 * A source of a researched post under the number its passages carry in prompts ({@code [n]}).
 *
 * @param title cleaned of anything instruction-like, on one line
 * @param foundBy the research sources that returned it
 */
public record NumberedSource(int number, String title, String url, List<SourceKind> foundBy) {

    public NumberedSource {
        foundBy = List.copyOf(foundBy);
    }
}
