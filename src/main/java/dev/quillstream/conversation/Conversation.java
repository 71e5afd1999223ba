package dev.quillstream.conversation;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A conversation as {@code GET /api/v1/conversations/{id}} shows it: one page of its messages.
 *
 * @param contentId the document the conversation is about (the last one a job of it produced)
 * @param lastSeq the last event {@code seq} of its stream, to connect with {@code ?after=}
 */
public record Conversation(
        String id,
        @Nullable UUID contentId,
        Instant createdAt,
        Instant lastActiveAt,
        List<Message> messages,
        int page,
        int size,
        long totalMessages,
        long lastSeq) {

    public record Message(
            String role,
            String content,
            Instant timestamp,
            @Nullable UUID jobId) {}
}
