package dev.quillstream.llm.anthropic;

import dev.quillstream.llm.ModelException;
import dev.quillstream.llm.support.ProviderFailures;
import dev.quillstream.llm.support.WireInspector;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Anthropic's error shape, {@code {"type":"error","error":{"type":"overloaded_error","message":...}}},
 * as an HTTP error body or as an {@code event: error} after the stream began. The error type says
 * more than the status (an overloaded stream still has status 200).
 */
final class AnthropicErrors implements WireInspector {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Override
    public @Nullable ModelException inStream(@Nullable String event, String data) {
        if (!"error".equals(event)) {
            return null;
        }
        JsonNode error = parse(data).path("error");
        return typed(
                error.path("type").asString(""),
                "stream error: " + error.path("message").asString(data),
                null);
    }

    static ModelException translate(Throwable failure) {
        ModelException byStatus = ProviderFailures.translate(AnthropicTextModel.PROVIDER, failure);
        String body = ProviderFailures.errorBody(failure);
        if (body == null || byStatus instanceof ModelException.RateLimited) {
            return byStatus;
        }
        String type = parse(body).path("error").path("type").asString("");
        return switch (type) {
            case "overloaded_error" -> typed(type, byStatus.getMessage(), failure);
            default -> byStatus;
        };
    }

    private static ModelException typed(String type, String message, @Nullable Throwable cause) {
        String provider = AnthropicTextModel.PROVIDER;
        return switch (type) {
            case "overloaded_error" -> new ModelException.Overloaded(provider, message, cause);
            case "rate_limit_error" -> new ModelException.RateLimited(provider, message, null, cause);
            case "authentication_error", "permission_error" ->
                new ModelException.Unauthenticated(provider, message, cause);
            case "invalid_request_error", "not_found_error", "request_too_large" ->
                new ModelException.InvalidModelRequest(provider, message, cause);
            default -> new ModelException.ProviderUnavailable(provider, message, cause);
        };
    }

    private static JsonNode parse(String text) {
        try {
            return JSON.readTree(text);
        } catch (JacksonException notJson) {
            return JSON.missingNode();
        }
    }
}
