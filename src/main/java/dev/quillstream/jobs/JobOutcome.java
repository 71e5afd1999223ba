package dev.quillstream.jobs;

import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What a finished job produced.
 *
 * @param resultId the stored document, when the job stored one
 * @param message one line for the conversation (e.g. "Your post 'X' is ready"), stored as the
 *     assistant's message when the job belongs to a conversation
 */
public record JobOutcome(@Nullable UUID resultId, String message) {

    public JobOutcome {
        Objects.requireNonNull(message, "message");
    }
}
