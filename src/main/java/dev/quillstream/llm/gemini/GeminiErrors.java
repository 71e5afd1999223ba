package dev.quillstream.llm.gemini;

import dev.quillstream.llm.ModelException;
import dev.quillstream.llm.support.ProviderFailures;
import dev.quillstream.llm.support.WireInspector;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Gemini's failures as Google APIs report them: {@code {"error":{"code","message","status",
 * "details":[...]}}} where the {@code status} (a google.rpc code) and the details say more than the
 * HTTP status: an invalid API key is a 400 {@code INVALID_ARGUMENT} with reason {@code
 * API_KEY_INVALID}; a 429 says when to retry in a {@code google.rpc.RetryInfo} detail, not in a
 * header. A blocked prompt is a 200 whose body has {@code promptFeedback.blockReason} and no
 * candidates.
 */
final class GeminiErrors implements WireInspector {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String PROVIDER = GeminiTextModel.PROVIDER;

    @Override
    public @Nullable ModelException inStream(@Nullable String event, String data) {
        return reported(data, "stream error: ");
    }

    @Override
    public @Nullable ModelException inBody(String body) {
        return reported(body, "error in a 200 answer: ");
    }

    private static @Nullable ModelException reported(String body, String prefix) {
        JsonNode json = parse(body);
        if (json.has("error")) {
            return fromError(json.path("error"), prefix, null);
        }
        String blocked = json.path("promptFeedback").path("blockReason").asString("");
        if (!blocked.isEmpty() && json.path("candidates").isEmpty()) {
            return new ModelException.ContentRejected(PROVIDER, "the prompt was blocked (" + blocked + ")", null);
        }
        return null;
    }

    static ModelException translate(Throwable failure) {
        ModelException byStatus = ProviderFailures.translate(PROVIDER, failure);
        String body = ProviderFailures.errorBody(failure);
        if (body == null) {
            return byStatus;
        }
        JsonNode error = parse(body).path("error");
        if (error.isMissingNode()) {
            return byStatus;
        }
        ModelException typed = fromError(error, "HTTP " + ProviderFailures.status(failure) + ": ", failure);
        if (typed instanceof ModelException.RateLimited && byStatus.retryAfter().isPresent()) {
            return byStatus; // a Retry-After header, when a proxy adds one, wins
        }
        return typed;
    }

    private static ModelException fromError(JsonNode error, String prefix, @Nullable Throwable cause) {
        String status = error.path("status").asString("");
        String message = prefix + status + " " + error.path("message").asString("");
        int code = error.path("code").asInt(0);
        if (hasReason(error, "API_KEY_INVALID")
                || status.equals("UNAUTHENTICATED")
                || status.equals("PERMISSION_DENIED")
                || code == 401
                || code == 403) {
            return new ModelException.Unauthenticated(PROVIDER, message, cause);
        }
        return switch (status) {
            case "RESOURCE_EXHAUSTED" -> new ModelException.RateLimited(PROVIDER, message, retryDelay(error), cause);
            case "UNAVAILABLE" -> new ModelException.Overloaded(PROVIDER, message, cause);
            case "INVALID_ARGUMENT", "FAILED_PRECONDITION", "NOT_FOUND", "OUT_OF_RANGE" ->
                new ModelException.InvalidModelRequest(PROVIDER, message, cause);
            default ->
                code == 429
                        ? new ModelException.RateLimited(PROVIDER, message, retryDelay(error), cause)
                        : code >= 400 && code < 500
                                ? new ModelException.InvalidModelRequest(PROVIDER, message, cause)
                                : new ModelException.ProviderUnavailable(PROVIDER, message, cause);
        };
    }

    private static boolean hasReason(JsonNode error, String reason) {
        for (JsonNode detail : error.path("details")) {
            if (reason.equals(detail.path("reason").asString(""))) {
                return true;
            }
        }
        return false;
    }

    /** {@code google.rpc.RetryInfo.retryDelay}, a protobuf Duration in JSON: {@code "33s"}, {@code "1.5s"}. */
    static @Nullable Duration retryDelay(JsonNode error) {
        for (JsonNode detail : error.path("details")) {
            if (detail.path("@type").asString("").endsWith("google.rpc.RetryInfo")) {
                String delay = detail.path("retryDelay").asString("");
                if (delay.endsWith("s")) {
                    try {
                        return Duration.ofMillis(
                                Math.round(Double.parseDouble(delay.substring(0, delay.length() - 1)) * 1000));
                    } catch (NumberFormatException ignored) {
                        return null;
                    }
                }
            }
        }
        return null;
    }

    private static JsonNode parse(String text) {
        try {
            return JSON.readTree(text);
        } catch (JacksonException notJson) {
            return JSON.missingNode();
        }
    }
}
