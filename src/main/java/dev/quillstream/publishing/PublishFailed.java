package dev.quillstream.publishing;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * A target refused or failed a publishing call, typed by what the caller can do: fix credentials,
 * fix input, wait, or try later. Messages come from the target's error body; they never carry the
 * credentials sent.
 */
public class PublishFailed extends RuntimeException {

    public enum Kind {
        /** the target rejected the credentials (401) */
        CREDENTIALS_REJECTED,
        /** authenticated but not allowed (403) */
        FORBIDDEN,
        /** the target refused the content or options (400, 404, 422) */
        INVALID,
        /** the target's copy changed under us (GitHub 409 after a re-read) */
        CONFLICT,
        /** too many requests; {@link #retryAfter()} says how long to wait when the target said */
        RATE_LIMITED,
        /** the target failed or could not be reached (5xx, timeouts, unreadable answers) */
        UNAVAILABLE,
        /** the destination URL is not allowed (private address, bad scheme) */
        DESTINATION_REFUSED
    }

    private final PublishTarget target;
    private final Kind kind;
    private final int providerStatus;
    private final @Nullable Duration retryAfter;

    public PublishFailed(
            PublishTarget target, Kind kind, int providerStatus, String message, @Nullable Duration retryAfter) {
        super(message);
        this.target = target;
        this.kind = kind;
        this.providerStatus = providerStatus;
        this.retryAfter = retryAfter;
    }

    public PublishFailed(PublishTarget target, Kind kind, int providerStatus, String message) {
        this(target, kind, providerStatus, message, null);
    }

    public PublishTarget target() {
        return target;
    }

    public Kind kind() {
        return kind;
    }

    /** The HTTP status the target answered; 0 when it did not answer. */
    public int providerStatus() {
        return providerStatus;
    }

    public @Nullable Duration retryAfter() {
        return retryAfter;
    }
}
