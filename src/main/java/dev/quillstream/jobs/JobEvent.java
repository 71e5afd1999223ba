package dev.quillstream.jobs;

import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What a job tells the world while it runs, published as Spring application events (synchronously,
 * in the order they happen on the job's thread). The {@code conversation} module streams those of
 * jobs with a conversation to its WebSockets.
 */
public sealed interface JobEvent {

    UUID jobId();

    @Nullable
    String conversationId();

    /** A step started or finished, or a part of it was done; {@code percent} is the job's progress. */
    record JobProgressed(
            UUID jobId, @Nullable String conversationId, String step, int percent, Map<String, Object> data)
            implements JobEvent {
        public JobProgressed {
            data = Map.copyOf(data);
        }
    }

    /** A piece of text of {@code part} produced by {@code step}. */
    record JobTokenProduced(UUID jobId, @Nullable String conversationId, String step, String part, String delta)
            implements JobEvent {}

    record JobCompleted(
            UUID jobId,
            @Nullable String conversationId,
            String kind,
            UUID owner,
            @Nullable UUID resultId,
            String message)
            implements JobEvent {}

    /** An attempt failed; {@code willRetry} says whether another attempt is scheduled. */
    record JobFailed(
            UUID jobId,
            @Nullable String conversationId,
            String kind,
            String reason,
            boolean willRetry,
            boolean cancelled)
            implements JobEvent {}
}
