package dev.quillstream.generation.job;

import dev.quillstream.content.Book;
import dev.quillstream.content.ContentStore;
import dev.quillstream.generation.GenerationFailed;
import dev.quillstream.jobs.JobContext;
import dev.quillstream.jobs.JobHandler;
import dev.quillstream.jobs.JobOutcome;
import dev.quillstream.llm.ModelException;
import java.util.UUID;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * {@code POST /api/v1/books/{id}/chapters/{n}[/sections/{m}]/regenerate} as a job ({@code kind =
 * "book.revision"}): payload {@code {content_id, chapter, section?, instructions?}}.
 */
@Component
class BookRevisionHandler implements JobHandler {

    private final ContentStore contents;
    private final BookRevisions revisions;

    BookRevisionHandler(ContentStore contents, BookRevisions revisions) {
        this.contents = contents;
        this.revisions = revisions;
    }

    @Override
    public String kind() {
        return BookRevisions.KIND;
    }

    @Override
    public JobOutcome run(JobContext job) {
        JsonNode payload = job.payload();
        UUID id = UUID.fromString(payload.path("content_id").asString());
        Book book = contents.findBook(job.owner(), id)
                .orElseThrow(() -> new GenerationFailed("the book " + id + " no longer exists"));
        JsonNode section = payload.path("section");
        JsonNode instructions = payload.path("instructions");
        return revisions.revise(
                job,
                book,
                payload.path("chapter").asInt(),
                section.isNumber() ? section.asInt() : null,
                instructions.isString() ? instructions.asString() : null);
    }

    /** A revision is short: a failure is reported to the caller, who can ask again. */
    @Override
    public int maxAttempts() {
        return 2;
    }

    @Override
    public boolean retryable(Exception failure) {
        return failure instanceof ModelException model && model.retryable();
    }
}
