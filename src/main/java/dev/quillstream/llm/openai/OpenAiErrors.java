package dev.quillstream.llm.openai;

import dev.quillstream.llm.ModelException;
import dev.quillstream.llm.support.WireInspector;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An OpenAI-compatible server that fails after the stream began sends {@code data: {"error":
 * {"message","type","code"}}} (OpenAI, vLLM, OpenRouter); LangChain4j reads it as an empty chunk.
 */
final class OpenAiErrors implements WireInspector {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Override
    public @Nullable ModelException inStream(@Nullable String event, String data) {
        if (!data.startsWith("{") || !data.contains("\"error\"")) {
            return null;
        }
        JsonNode error;
        try {
            error = JSON.readTree(data).path("error");
        } catch (JacksonException notJson) {
            return null;
        }
        if (!error.isObject() && !error.isString()) {
            return null;
        }
        String message = "stream error: "
                + (error.isString() ? error.asString() : error.path("message").asString(""));
        String kind =
                (error.path("type").asString("") + " " + error.path("code").asString("")).toLowerCase();
        String provider = OpenAiTextModel.PROVIDER;
        if (kind.contains("rate_limit")) {
            return new ModelException.RateLimited(provider, message, null, null);
        }
        if (kind.contains("overloaded") || message.contains("overloaded")) {
            return new ModelException.Overloaded(provider, message, null);
        }
        if (kind.contains("invalid_request")) {
            return new ModelException.InvalidModelRequest(provider, message, null);
        }
        return new ModelException.ProviderUnavailable(provider, message, null);
    }
}
