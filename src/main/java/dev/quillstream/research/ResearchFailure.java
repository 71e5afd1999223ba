package dev.quillstream.research;

import java.time.Duration;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** A source could not answer, typed at the adapter edge so callers need not look at HTTP. */
public abstract sealed class ResearchFailure extends RuntimeException {

    private final SourceKind source;

    ResearchFailure(SourceKind source, String message, @Nullable Throwable cause) {
        super(message, cause);
        this.source = source;
    }

    public SourceKind source() {
        return source;
    }

    /** How long the source asked us to wait, when it said. */
    public Optional<Duration> retryAfter() {
        return Optional.empty();
    }

    /** 401/403: the key is missing, wrong or lacks permission. */
    public static final class Unauthenticated extends ResearchFailure {
        public Unauthenticated(SourceKind source, String message) {
            super(source, message, null);
        }
    }

    /** 429: too many requests, or the plan's searches are used up. */
    public static final class RateLimited extends ResearchFailure {
        private final @Nullable Duration retryAfter;

        public RateLimited(SourceKind source, String message, @Nullable Duration retryAfter) {
            super(source, message, null);
            this.retryAfter = retryAfter;
        }

        @Override
        public Optional<Duration> retryAfter() {
            return Optional.ofNullable(retryAfter);
        }
    }

    /** 5xx, a refused or reset connection, a timeout, or an answer that is not what the API documents. */
    public static final class Unavailable extends ResearchFailure {
        public Unavailable(SourceKind source, String message, @Nullable Throwable cause) {
            super(source, message, cause);
        }
    }

    /** 400/404/422: the source refuses this query and will refuse it again. */
    public static final class Rejected extends ResearchFailure {
        public Rejected(SourceKind source, String message) {
            super(source, message, null);
        }
    }
}
