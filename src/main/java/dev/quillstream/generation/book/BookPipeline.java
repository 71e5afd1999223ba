package dev.quillstream.generation.book;

import dev.quillstream.content.Book;
import dev.quillstream.generation.BookCheckpoints;
import dev.quillstream.generation.BookRequest;
import dev.quillstream.generation.BookWriter;
import dev.quillstream.generation.GenerationListener;
import dev.quillstream.llm.TextModel;
import dev.quillstream.research.Research;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * plan → [research] → chapter outlines → chapters (in order; sections in parallel; summary and bible
 * after each) → assemble (front matter, bibliography) → validate. Every step is timed and announced;
 * the draft is checkpointed after every section, and a run restored from a checkpoint skips what is
 * done. Edits ({@link BookRevision}) rewrite one chapter or section of a finished book.
 */
@Component
public class BookPipeline implements BookWriter {

    private final TextModel model;
    private final int parallelism;
    private final @Nullable Research research;

    @Autowired
    BookPipeline(
            TextModel model,
            ObjectProvider<Research> research,
            @Value("${quillstream.generation.parallelism:4}") int parallelism) {
        this(model, parallelism, research.getIfAvailable());
    }

    BookPipeline(TextModel model, int parallelism, @Nullable Research research) {
        this.model = model;
        this.parallelism = parallelism;
        this.research = research;
    }

    /** A pipeline outside Spring (benchmarks, embedding): no research. */
    public static BookPipeline of(TextModel model, int parallelism) {
        return new BookPipeline(model, parallelism, null);
    }

    @Override
    public Book write(
            BookRequest request, @Nullable UUID owner, GenerationListener listener, BookCheckpoints checkpoints) {
        BookDraft draft = checkpoints.saved().map(BookDraft::fromJson).orElseGet(() -> BookDraft.start(request));
        if (!draft.fingerprint.equals(BookDraft.fingerprint(request))) {
            throw new IllegalArgumentException(
                    "the checkpoint belongs to another book request; remove it to start over");
        }
        BookRun run = new BookRun(request, model, listener, checkpoints, parallelism, research, owner, draft);
        List<BookStep> steps = new ArrayList<>(List.of(new PlanStep()));
        if (request.research()) {
            steps.add(new ResearchStep());
        }
        steps.add(new ChapterOutlinesStep());
        steps.add(new ChaptersStep());
        try {
            int total = steps.size() + 2;
            for (int i = 0; i < steps.size(); i++) {
                BookStep step = steps.get(i);
                if (!step.done(run)) {
                    timed(run, step.name(), i + 1, total, () -> step.run(run));
                }
            }
            Book[] book = new Book[1];
            timed(
                    run,
                    "assemble",
                    total - 1,
                    total,
                    () -> book[0] = BookAssembly.assemble(run, LocalDate.now().toString()));
            timed(run, "validate", total, total, () -> StructureCheck.require(book[0], request));
            // The last steps' timings exist only now: assemble once more so the metadata has them.
            return BookAssembly.assemble(run, book[0].date());
        } finally {
            listener.usageRecorded(run.usage());
        }
    }

    static void timed(BookRun run, String name, int index, int total, Runnable work) {
        run.listener.stepStarted(name, index, total);
        long started = System.nanoTime();
        work.run();
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        run.timingsMs.put(name, took.toMillis());
        run.listener.stepFinished(name, index, total, took);
    }

    @Override
    public Book regenerateChapter(
            Book book,
            int chapter,
            @Nullable String instructions,
            GenerationListener listener,
            BookCheckpoints control) {
        return new BookRevision(model, parallelism, book, listener, control).chapter(chapter, instructions);
    }

    @Override
    public Book regenerateSection(
            Book book,
            int chapter,
            int section,
            @Nullable String instructions,
            GenerationListener listener,
            BookCheckpoints control) {
        return new BookRevision(model, parallelism, book, listener, control).section(chapter, section, instructions);
    }
}
