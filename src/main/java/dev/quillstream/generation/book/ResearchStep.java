package dev.quillstream.generation.book;

import dev.quillstream.generation.grounding.SourceGathering;
import java.util.ArrayList;
import java.util.List;

/**
 * Gathers the book's sources once, for the whole book ({@link SourceGathering}): its title with its
 * keywords, and its first chapters' titles in its context. Every section is then given the passages
 * relevant to it, and the bibliography lists what the sections cite.
 */
final class ResearchStep implements BookStep {

    private static final int CHAPTER_QUERIES = 3;

    @Override
    public String name() {
        return "research";
    }

    @Override
    public boolean done(BookRun run) {
        return run.draft.sources != null;
    }

    @Override
    public void run(BookRun run) {
        if (run.draft.sources != null) {
            return;
        }
        List<String> queries = new ArrayList<>();
        queries.add((run.request.title() + " " + String.join(" ", run.request.keywords())).strip());
        run.draft.plan().chapters().stream()
                .limit(CHAPTER_QUERIES)
                .forEach(chapter -> queries.add(run.request.title() + " " + chapter.title()));
        run.draft.sources = SourceGathering.gather(
                run.research, run.request.title(), queries, run.owner, sourceCount(run.request.chapters()));
        run.checkpoint(name());
    }

    /** One source per chapter, within 6..20. */
    static int sourceCount(int chapters) {
        return Math.clamp(chapters, 6, 20);
    }
}
