package dev.quillstream.jobs;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** What a {@link JobHandler} sees of its job while it runs. Thread-safe: parallel parts may share it. */
public interface JobContext {

    UUID jobId();

    String kind();

    UUID owner();

    @Nullable
    String conversationId();

    /** The request as enqueued. */
    JsonNode payload();

    /** 1 for the first attempt; higher after a failure or a takeover. */
    int attempt();

    /** The state of the last {@link #checkpoint}, from this attempt or an earlier one. */
    Optional<JsonNode> lastCheckpoint();

    /**
     * Saves {@code state} as the job's checkpoint, with the step it is in, its progress (0–100) and
     * the usage so far — one statement, so the state and the step it records never disagree.
     *
     * @throws JobLeaseLost when another node has taken the job over
     * @throws JobCancelled when the job's cancellation was requested
     */
    void checkpoint(String step, int progress, JsonNode state, @Nullable JsonNode usage);

    /**
     * Records what the job has spent so far (any JSON; the blog handler uses its post's {@code usage}
     * shape) without a checkpoint: it is written with the next checkpoint and when the job ends, and
     * {@code GET /api/v1/jobs/{id}} shows it.
     */
    void usage(JsonNode usageSoFar);

    boolean isCancelled();

    /** @throws JobCancelled when the job's cancellation was requested */
    default void throwIfCancelled() {
        if (isCancelled()) {
            throw new JobCancelled();
        }
    }

    /** Publishes a {@link JobEvent.JobProgressed}. */
    void progress(String step, int percent, Map<String, Object> data);

    /** Publishes a {@link JobEvent.JobTokenProduced}. */
    void token(String step, String part, String delta);
}
