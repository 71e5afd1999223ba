package dev.quillstream.llm;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A failed model call, typed at the adapter edge so that callers decide without looking at HTTP:
 * {@link #retryable()} says whether the same call may succeed later (or on another provider).
 */
public abstract sealed class ModelException extends RuntimeException {

    private final String provider;

    ModelException(String provider, String message, @Nullable Throwable cause) {
        super(provider + ": " + message, cause);
        this.provider = provider;
    }

    public String provider() {
        return provider;
    }

    public abstract boolean retryable();

    /** How long the provider asked us to wait, when it said. */
    public Optional<Duration> retryAfter() {
        return Optional.empty();
    }

    /** HTTP 429: too many requests or tokens; the provider may say when to come back. */
    public static final class RateLimited extends ModelException {
        private final @Nullable Duration retryAfter;

        public RateLimited(String provider, String message, @Nullable Duration retryAfter, @Nullable Throwable cause) {
            super(provider, message, cause);
            this.retryAfter = retryAfter;
        }

        @Override
        public boolean retryable() {
            return true;
        }

        @Override
        public Optional<Duration> retryAfter() {
            return Optional.ofNullable(retryAfter);
        }
    }

    /** 5xx, a refused or reset connection, a timeout, or a stream that ended before it finished. */
    public static final class ProviderUnavailable extends ModelException {
        public ProviderUnavailable(String provider, String message, @Nullable Throwable cause) {
            super(provider, message, cause);
        }

        @Override
        public boolean retryable() {
            return true;
        }
    }

    /** The provider is up but shedding load (Anthropic 529, Gemini 503 UNAVAILABLE). */
    public static final class Overloaded extends ModelException {
        public Overloaded(String provider, String message, @Nullable Throwable cause) {
            super(provider, message, cause);
        }

        @Override
        public boolean retryable() {
            return true;
        }
    }

    /** 400/404/413/422: this request will fail the same way every time. */
    public static final class InvalidModelRequest extends ModelException {
        public InvalidModelRequest(String provider, String message, @Nullable Throwable cause) {
            super(provider, message, cause);
        }

        @Override
        public boolean retryable() {
            return false;
        }
    }

    /** The provider refused the content (safety filter, refusal). */
    public static final class ContentRejected extends ModelException {
        public ContentRejected(String provider, String message, @Nullable Throwable cause) {
            super(provider, message, cause);
        }

        @Override
        public boolean retryable() {
            return false;
        }
    }

    /** 401/403: the API key is missing, wrong or lacks permission. */
    public static final class Unauthenticated extends ModelException {
        public Unauthenticated(String provider, String message, @Nullable Throwable cause) {
            super(provider, message, cause);
        }

        @Override
        public boolean retryable() {
            return false;
        }
    }

    /** The reply was not the JSON the schema asked for; asking again usually fixes it. */
    public static final class MalformedOutput extends ModelException {
        private final List<String> problems;
        private final String rawText;

        public MalformedOutput(String provider, List<String> problems, String rawText) {
            super(provider, "reply does not match the requested schema: " + String.join("; ", problems), null);
            this.problems = List.copyOf(problems);
            this.rawText = rawText;
        }

        public List<String> problems() {
            return problems;
        }

        /** The reply as the model sent it, for a repair that does not need every constraint. */
        public String rawText() {
            return rawText;
        }

        @Override
        public boolean retryable() {
            return true;
        }
    }
}
