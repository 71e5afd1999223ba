package dev.quillstream.generation.book;

import dev.quillstream.generation.support.Parallel;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the chapters in order, each chapter's sections in parallel (at most the run's parallelism
 * at once, and never more than the provider allows), checkpointing after every section; then the
 * chapter's summary and bible entries, which the next chapter's sections are given. A resumed run
 * writes only the sections and summaries its draft lacks.
 */
final class ChaptersStep implements BookStep {

    @Override
    public String name() {
        return SectionWriter.STEP;
    }

    @Override
    public boolean done(BookRun run) {
        return run.draft.summaries.size() == run.request.chapters();
    }

    @Override
    public void run(BookRun run) {
        for (int chapter = 0; chapter < run.request.chapters(); chapter++) {
            if (run.draft.summaries.containsKey(chapter)) {
                continue;
            }
            writeSections(run, chapter);
            ChapterSummary.summarise(run, chapter);
            run.checkpoint("summary");
        }
    }

    static void writeSections(BookRun run, int chapter) {
        List<Runnable> tasks = new ArrayList<>();
        for (int s = 0; s < run.draft.outline(chapter).size(); s++) {
            int section = s;
            if (run.draft.section(chapter, section) == null) {
                tasks.add(() -> {
                    run.draft.putSection(chapter, section, SectionWriter.write(run, chapter, section, null));
                    run.checkpoint(SectionWriter.STEP);
                    run.listener.partFinished(SectionWriter.STEP, SectionWriter.part(chapter, section));
                });
            }
        }
        Parallel.run(tasks, run.parallelism);
    }
}
