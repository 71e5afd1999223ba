package dev.quillstream.jobs;

import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A job to run.
 *
 * @param kind names the {@link JobHandler} that runs it
 * @param owner the account it runs for
 * @param conversationId the conversation whose WebSocket stream shows its events, if any
 * @param payload the request, as the handler reads it back from {@link JobContext#payload()}
 */
public record NewJob(String kind, UUID owner, @Nullable String conversationId, JsonNode payload) {

    public NewJob {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(payload, "payload");
    }
}
