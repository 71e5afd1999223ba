package dev.quillstream.generation.blog;

import dev.quillstream.generation.grounding.Grounding;
import dev.quillstream.generation.grounding.SourceGathering;
import java.util.List;

/**
 * Gathers a post's sources for its planned queries ({@link SourceGathering}); with no usable source
 * the post is refused rather than written unresearched.
 */
final class GatherSourcesStep implements BlogStep {

    @Override
    public String name() {
        return "research";
    }

    @Override
    public boolean appliesTo(BlogRun run) {
        return run.request.research();
    }

    @Override
    public void run(BlogRun run) {
        List<String> queries =
                run.draft.researchQueries.isEmpty() ? List.of(run.request.topic()) : run.draft.researchQueries;
        run.draft.grounding = Grounding.of(
                SourceGathering.gather(run.research, run.request.topic(), queries, run.owner, sourceCount(run.shape)));
    }

    /** Sources per post: about two per body section, within 6..12. */
    static int sourceCount(BlogShape shape) {
        return Math.clamp(shape.sections() * 2L, 6, 12);
    }
}
