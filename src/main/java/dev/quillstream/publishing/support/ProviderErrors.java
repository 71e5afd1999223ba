package dev.quillstream.publishing.support;

import dev.quillstream.publishing.PublishFailed;
import dev.quillstream.publishing.PublishTarget;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The status-code half of turning a target's error into a {@link PublishFailed}; each publisher
 * reads the message out of its own error body.
 */
public final class ProviderErrors {

    private ProviderErrors() {}

    public static PublishFailed of(PublishTarget target, JsonHttp.Reply reply, String message, Clock clock) {
        int status = reply.status();
        String text = target.id() + " answered " + status + ": " + message;
        Duration retryAfter = retryAfter(reply, clock);
        if (status == 429
                || (status == 403 && (retryAfter != null || "0".equals(reply.header("x-ratelimit-remaining"))))) {
            return new PublishFailed(target, PublishFailed.Kind.RATE_LIMITED, status, text, retryAfter);
        }
        PublishFailed.Kind kind;
        if (status == 401) {
            kind = PublishFailed.Kind.CREDENTIALS_REJECTED;
        } else if (status == 403) {
            kind = PublishFailed.Kind.FORBIDDEN;
        } else if (status == 409) {
            kind = PublishFailed.Kind.CONFLICT;
        } else if (status >= 400 && status < 500) {
            kind = PublishFailed.Kind.INVALID;
        } else {
            kind = PublishFailed.Kind.UNAVAILABLE;
        }
        return new PublishFailed(target, kind, status, text);
    }

    /** {@code Retry-After} seconds, else GitHub's {@code x-ratelimit-reset} epoch seconds. */
    static @Nullable Duration retryAfter(JsonHttp.Reply reply, Clock clock) {
        String after = reply.header("retry-after");
        if (after != null && after.strip().matches("\\d{1,9}")) {
            return Duration.ofSeconds(Long.parseLong(after.strip()));
        }
        String reset = reply.header("x-ratelimit-reset");
        if (reset != null && reset.strip().matches("\\d{1,12}") && "0".equals(reply.header("x-ratelimit-remaining"))) {
            Duration wait = Duration.between(clock.instant(), Instant.ofEpochSecond(Long.parseLong(reset.strip())));
            return wait.isNegative() ? Duration.ZERO : wait;
        }
        return null;
    }

    /** A body that is not the JSON the target promised. */
    public static PublishFailed unreadable(PublishTarget target, int status) {
        return new PublishFailed(
                target,
                PublishFailed.Kind.UNAVAILABLE,
                status,
                target.id() + " answered " + status + " with a body that is not the expected JSON");
    }
}
