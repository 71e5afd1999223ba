package dev.quillstream.generation;

import dev.quillstream.content.Book;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Writes books: plan, chapter outlines, chapters in order with their sections in parallel, a running
 * bible, front and back matter, validation. Edits one chapter or section of a written book without
 * touching the rest.
 */
public interface BookWriter {

    /**
     * @param owner the account the book is written for (its library is a research source); null in the CLI
     * @param checkpoints where progress is saved and restored, and cancellation is asked
     * @throws GenerationFailed when the book cannot be completed to its structure
     * @throws GenerationCancelled when {@code checkpoints} asked to stop
     * @throws dev.quillstream.llm.ModelException when the model fails in a way retries did not fix
     */
    Book write(BookRequest request, @Nullable UUID owner, GenerationListener listener, BookCheckpoints checkpoints);

    /**
     * The book with chapter {@code chapter} (1-based) written again, following {@code instructions}
     * when given; every other chapter's text stays as it was. The chapter's summary, the bible and
     * later chapters' summaries are brought up to date.
     */
    default Book regenerateChapter(Book book, int chapter, @Nullable String instructions, GenerationListener listener) {
        return regenerateChapter(book, chapter, instructions, listener, BookCheckpoints.NONE);
    }

    /** As above; {@code control} is asked before every model call (a cancelled revision job stops). */
    Book regenerateChapter(
            Book book,
            int chapter,
            @Nullable String instructions,
            GenerationListener listener,
            BookCheckpoints control);

    /** As {@link #regenerateChapter}, for one section (1-based) of one chapter. */
    default Book regenerateSection(
            Book book, int chapter, int section, @Nullable String instructions, GenerationListener listener) {
        return regenerateSection(book, chapter, section, instructions, listener, BookCheckpoints.NONE);
    }

    Book regenerateSection(
            Book book,
            int chapter,
            int section,
            @Nullable String instructions,
            GenerationListener listener,
            BookCheckpoints control);
}
