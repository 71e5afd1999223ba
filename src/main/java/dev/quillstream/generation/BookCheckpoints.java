package dev.quillstream.generation;

import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * Where a book run keeps its progress so that it resumes after a crash without repeating finished
 * work: the pipeline saves its state after every section, and restores the last saved state at
 * start. A durable job's checkpoint backs it on the server, a file in the CLI. Also where a run
 * learns that it was cancelled: the pipeline asks between model calls.
 */
public interface BookCheckpoints {

    /** Nothing kept, never cancelled. */
    BookCheckpoints NONE = new BookCheckpoints() {
        @Override
        public Optional<JsonNode> restore() {
            return Optional.empty();
        }

        @Override
        public void save(String step, int percent, JsonNode state) {}
    };

    /** The last state saved by an earlier run of the same book, if any. */
    Optional<JsonNode> restore();

    /**
     * Keeps {@code state} (replacing the previous one) once {@code step} made progress.
     *
     * @param percent how much of the book is done, 0–100
     */
    void save(String step, int percent, JsonNode state);

    /** Whether the run should stop at the next model call; it then throws {@link GenerationCancelled}. */
    default boolean cancelRequested() {
        return false;
    }
}
