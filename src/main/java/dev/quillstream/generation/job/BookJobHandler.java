package dev.quillstream.generation.job;

import dev.quillstream.content.Book;
import dev.quillstream.content.ContentStore;
import dev.quillstream.generation.BookRequest;
import dev.quillstream.generation.BookWriter;
import dev.quillstream.generation.NoSourcesFound;
import dev.quillstream.jobs.JobContext;
import dev.quillstream.jobs.JobHandler;
import dev.quillstream.jobs.JobOutcome;
import dev.quillstream.llm.ModelException;
import java.util.UUID;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs a book as a durable job ({@code kind = "book"}): the pipeline saves its draft in the job's
 * checkpoint after every section and resumes from it on any node, streams its steps, finished parts
 * and text as job events, stops at the next model call when the job is cancelled, stores the book
 * with its exports ({@link BookExports}) and writes what this attempt spent to the usage ledger.
 */
@Component
class BookJobHandler implements JobHandler {

    static final String KIND = "book";

    private final BookWriter writer;
    private final ContentStore contents;
    private final UsageRecording usage;
    private final JsonMapper json;
    private final BookExports exports;

    BookJobHandler(
            BookWriter writer, ContentStore contents, UsageRecording usage, JsonMapper json, BookExports exports) {
        this.exports = exports;
        this.writer = writer;
        this.contents = contents;
        this.usage = usage;
        this.json = json;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public JobOutcome run(JobContext job) {
        BookRequest request = json.treeToValue(job.payload(), BookRequest.class);
        return JobListener.attempt(job, json, usage, KIND, true, listener -> {
            Book book = exports.exported(writer.write(request, job.owner(), listener, listener), request.formats());
            contents.saveBook(job.owner(), book);
            return new JobOutcome(
                    UUID.fromString(book.id()),
                    "Your book \"" + book.title() + "\" is ready: "
                            + book.chapters().size() + " chapters, "
                            + book.metadata().lengths().totalWords() + " words (content " + book.id() + ").");
        });
    }

    /** A model failure retries could fix is retried; a bad request or missing sources are not. */
    @Override
    public boolean retryable(Exception failure) {
        if (failure instanceof ModelException model) {
            return model.retryable();
        }
        return !(failure instanceof NoSourcesFound || failure instanceof IllegalArgumentException);
    }
}
