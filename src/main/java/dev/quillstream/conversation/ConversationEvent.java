package dev.quillstream.conversation;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One event of a conversation's stream, as DESIGN.md's WebSocket protocol sends it (the {@code seq}
 * is given by the event log when it is appended).
 *
 * @param type {@code message}, {@code token}, {@code progress}, {@code job.completed}, {@code
 *     job.failed} or {@code error}
 */
public record ConversationEvent(
        String type,
        String role,
        String content,
        Instant timestamp,
        @Nullable UUID jobId,
        @Nullable String step,
        @Nullable Map<String, Object> data) {

    public ConversationEvent {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(role, "role");
        content = content == null ? "" : content;
    }
}
