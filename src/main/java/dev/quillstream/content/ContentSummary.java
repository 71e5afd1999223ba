package dev.quillstream.content;

import java.time.Instant;
import java.util.UUID;

/** A stored document as listed: no body. */
public record ContentSummary(UUID id, ContentKind kind, String title, Instant createdAt) {}
