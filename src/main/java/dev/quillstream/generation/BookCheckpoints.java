package dev.quillstream.generation;

import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * Where a book run keeps its progress so that it resumes after a crash without repeating finished
 * work: the pipeline saves its state after every section (and after its plan, outlines and each
 * chapter's summary) and, given a saved state, writes only what it lacks. A durable job's checkpoint
 * backs it on the server, a file in the CLI. Also how a run learns that it must stop: the pipeline
 * asks before every model call.
 */
public interface BookCheckpoints {

    /** Nothing kept, never stopped. */
    BookCheckpoints NONE = new BookCheckpoints() {};

    /** The state saved by an earlier run of the same book, if any. */
    default Optional<JsonNode> saved() {
        return Optional.empty();
    }

    /** Keeps {@code state} (replacing the previous one) after {@code step}; {@code progress} is the share done, 0–100. */
    default void save(String step, int progress, JsonNode state) {}

    /**
     * Called before every model call: throws to stop the run (cancelled, or taken over by another
     * node); {@link GenerationCancelled} by default.
     */
    default void beforeModelCall() {}
}
