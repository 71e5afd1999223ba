package dev.quillstream.generation.job;

import dev.quillstream.content.Book;
import dev.quillstream.content.ContentStore;
import dev.quillstream.generation.BookWriter;
import dev.quillstream.generation.GenerationFailed;
import dev.quillstream.jobs.JobContext;
import dev.quillstream.jobs.JobOutcome;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * One chapter or section of a stored book written again inside a job — asked for over REST or by a
 * message on the book's conversation — streamed as job events, stopped by a cancel, and stored in
 * place (the rest of the book is untouched; the edit is listed in its {@code metadata.revisions}),
 * with its exports made again.
 */
@Component
class BookRevisions {

    static final String KIND = "book.revision";

    private final BookWriter writer;
    private final ContentStore contents;
    private final UsageRecording usage;
    private final JsonMapper json;
    private final BookExports exports;

    BookRevisions(
            BookWriter writer, ContentStore contents, UsageRecording usage, JsonMapper json, BookExports exports) {
        this.exports = exports;
        this.writer = writer;
        this.contents = contents;
        this.usage = usage;
        this.json = json;
    }

    JobOutcome revise(
            JobContext job, Book book, int chapter, @Nullable Integer section, @Nullable String instructions) {
        return JobListener.attempt(job, json, usage, KIND, false, listener -> {
            Book rewritten = section == null
                    ? writer.regenerateChapter(book, chapter, instructions, listener, listener)
                    : writer.regenerateSection(book, chapter, section, instructions, listener, listener);
            Book revised =
                    exports.exported(rewritten, List.copyOf(book.outputFiles().keySet()));
            if (!contents.replaceBook(job.owner(), revised)) {
                throw new GenerationFailed("the book " + book.id() + " no longer exists");
            }
            String part = section == null ? "chapter " + chapter : "chapter " + chapter + " section " + section;
            return new JobOutcome(
                    UUID.fromString(revised.id()),
                    "Rewrote " + part + " of \"" + book.title() + "\"; the rest is unchanged.");
        });
    }
}
