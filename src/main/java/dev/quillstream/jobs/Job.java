package dev.quillstream.jobs;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** A job as {@code GET /api/v1/jobs/{id}} shows it. */
public record Job(
        UUID id,
        String kind,
        UUID owner,
        @Nullable String conversationId,
        JobStatus status,
        @Nullable String step,
        int progress,
        int attempts,
        int maxAttempts,
        @Nullable UUID resultId,
        @Nullable JsonNode usage,
        @Nullable String error,
        /** The failure's exception type (simple name), so a waiting caller can answer as if it had run the job. */
        @Nullable String errorKind,
        boolean cancelRequested,
        Instant createdAt,
        Instant updatedAt,
        @Nullable Instant finishedAt) {}
