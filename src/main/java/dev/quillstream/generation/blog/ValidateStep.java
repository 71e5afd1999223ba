package dev.quillstream.generation.blog;

import dev.quillstream.content.BlogPost;
import dev.quillstream.generation.GenerationFailed;
import dev.quillstream.generation.grounding.CitedPost;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks the assembled post against its outline: the planned number of sections and subtopics,
 * in order, under their planned titles, none empty. Empty parts are written again once; a post
 * that still fails is refused, so a half-written post is never stored.
 */
final class ValidateStep implements BlogStep {

    private final AssembleStep assemble;

    ValidateStep(AssembleStep assemble) {
        this.assemble = assemble;
    }

    @Override
    public String name() {
        return "validate";
    }

    @Override
    public void run(BlogRun run) {
        List<int[]> empty = emptySubtopics(run);
        if (!empty.isEmpty()) {
            empty.forEach(position -> {
                run.draft.subtopicTexts.remove(BlogDraft.key(position[0], position[1]));
                SectionsStep.write(run, position[0], position[1]);
            });
            assemble.run(run);
        }
        List<String> problems = problems(run.draft.post, run);
        if (!problems.isEmpty()) {
            throw new GenerationFailed("the post does not match its outline: " + String.join("; ", problems));
        }
    }

    private static List<int[]> emptySubtopics(BlogRun run) {
        List<int[]> empty = new ArrayList<>();
        List<Outline.Section> sections = run.sections();
        for (int i = 0; i < sections.size(); i++) {
            for (int j = 0; j < sections.get(i).subtopics().size(); j++) {
                String text = run.draft.subtopicTexts.get(BlogDraft.key(i, j));
                if (text == null || text.isBlank()) {
                    empty.add(new int[] {i, j});
                }
            }
        }
        return empty;
    }

    static List<String> problems(BlogPost post, BlogRun run) {
        List<String> problems = new ArrayList<>();
        BlogShape shape = run.shape;
        int expected = shape.sections() + 3 + (CitedPost.hasReferences(post) ? 1 : 0);
        if (post.sections().size() != expected) {
            problems.add("expected " + expected + " sections, found "
                    + post.sections().size());
            return problems;
        }
        List<Outline.Section> outline = run.sections();
        for (int i = 0; i < outline.size(); i++) {
            BlogPost.Section section = post.sections().get(i + 1);
            if (!section.title().equals(outline.get(i).title())) {
                problems.add("section " + (i + 1) + " is '" + section.title() + "', planned '"
                        + outline.get(i).title() + "'");
            }
            if (section.subtopics().size() != shape.subtopics()) {
                problems.add("section " + (i + 1) + " has "
                        + section.subtopics().size() + " subtopics, planned " + shape.subtopics());
            }
            section.subtopics().stream()
                    .filter(s -> s.content().isBlank())
                    .forEach(s -> problems.add("subtopic '" + s.title() + "' is empty"));
        }
        post.sections().stream()
                .filter(s -> s.subtopics().isEmpty()
                        || s.subtopics().stream().anyMatch(t -> t.content().isBlank()))
                .filter(s ->
                        !outline.stream().map(Outline.Section::title).toList().contains(s.title()))
                .forEach(s -> problems.add("'" + s.title() + "' is empty"));
        if (post.title().isBlank() || post.description().isBlank()) {
            problems.add("the title and meta description must not be empty");
        }
        return problems;
    }
}
