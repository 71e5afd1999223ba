package dev.quillstream.generation;

import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * Where a blog run keeps its progress so that another attempt resumes instead of starting over: the
 * pipeline saves its draft after each expensive step (and after each written subtopic) and, given a
 * saved state, skips what it records as done. A durable job implements this over its checkpoint.
 */
public interface BlogCheckpoints {

    BlogCheckpoints NONE = new BlogCheckpoints() {};

    /** The state saved by an earlier attempt, if any. */
    default Optional<JsonNode> saved() {
        return Optional.empty();
    }

    /** Saves the run's state after {@code step}; {@code progress} is the run's share done, 0–100. */
    default void save(String step, int progress, JsonNode state) {}

    /** Called before every model call: throws to stop the run (the job was cancelled or taken over). */
    default void beforeModelCall() {}
}
