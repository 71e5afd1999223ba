package dev.quillstream.llm.support;

import dev.langchain4j.exception.TimeoutException;
import dev.quillstream.llm.ModelException;
import java.io.IOException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import org.jspecify.annotations.Nullable;

/**
 * Turns whatever a LangChain4j adapter threw into a typed {@link ModelException}. The HTTP status
 * decides; a provider adapter may look at the body first for what the status does not say (for
 * example Anthropic's 529 {@code overloaded_error}).
 */
public final class ProviderFailures {

    private ProviderFailures() {}

    public static ModelException translate(String provider, Throwable failure) {
        ModelException typed = find(failure, ModelException.class);
        if (typed != null) {
            return typed;
        }
        ProviderHttpException http = find(failure, ProviderHttpException.class);
        if (http != null) {
            return fromStatus(provider, http);
        }
        if (find(failure, TimeoutException.class) != null || find(failure, HttpTimeoutException.class) != null) {
            return new ModelException.ProviderUnavailable(provider, "request timed out", failure);
        }
        if (find(failure, IOException.class) != null || find(failure, java.io.UncheckedIOException.class) != null) {
            return new ModelException.ProviderUnavailable(
                    provider, "connection failed: " + rootMessage(failure), failure);
        }
        return new ModelException.ProviderUnavailable(provider, rootMessage(failure), failure);
    }

    /** The body of the HTTP error behind {@code failure}, if there was one. */
    public static @Nullable String errorBody(Throwable failure) {
        ProviderHttpException http = find(failure, ProviderHttpException.class);
        return http == null ? null : http.body();
    }

    public static int status(Throwable failure) {
        ProviderHttpException http = find(failure, ProviderHttpException.class);
        return http == null ? -1 : http.statusCode();
    }

    private static ModelException fromStatus(String provider, ProviderHttpException http) {
        int status = http.statusCode();
        String message = "HTTP " + status + ": " + abbreviate(http.body());
        if (status == 429) {
            return new ModelException.RateLimited(provider, message, retryAfter(http), http);
        }
        if (status == 401 || status == 403) {
            return new ModelException.Unauthenticated(provider, message, http);
        }
        if (status == 529 || status == 503) {
            // Anthropic's 529 overloaded_error, Gemini's 503 UNAVAILABLE, OpenAI's "engine overloaded",
            // Ollama's "server busy": up, but shedding load.
            return new ModelException.Overloaded(provider, message, http);
        }
        if (status == 408 || status >= 500) {
            return new ModelException.ProviderUnavailable(provider, message, http);
        }
        return new ModelException.InvalidModelRequest(provider, message, http);
    }

    /** {@code Retry-After} in seconds or as an HTTP date; OpenAI also sends {@code retry-after-ms}. */
    static @Nullable Duration retryAfter(ProviderHttpException http) {
        String millis = http.header("retry-after-ms");
        if (millis != null) {
            try {
                return Duration.ofMillis((long) Double.parseDouble(millis.strip()));
            } catch (NumberFormatException ignored) {
                // fall through to Retry-After
            }
        }
        String value = http.header("retry-after");
        if (value == null) {
            return null;
        }
        try {
            return Duration.ofMillis((long) (Double.parseDouble(value.strip()) * 1000));
        } catch (NumberFormatException notSeconds) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(value.strip(), DateTimeFormatter.RFC_1123_DATE_TIME);
                Duration wait = Duration.between(ZonedDateTime.now(at.getZone()), at);
                return wait.isNegative() ? Duration.ZERO : wait;
            } catch (DateTimeParseException notADate) {
                return null;
            }
        }
    }

    private static <T extends Throwable> @Nullable T find(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }

    private static String abbreviate(String body) {
        String flat = body.replaceAll("\\s+", " ").strip();
        return flat.length() <= 300 ? flat : flat.substring(0, 300) + "...";
    }
}
