package dev.quillstream.llm.ollama;

import dev.langchain4j.model.chat.request.ChatRequestParameters;
import dev.langchain4j.model.chat.request.ResponseFormat;
import dev.langchain4j.model.chat.request.ResponseFormatType;
import dev.langchain4j.model.chat.request.json.JsonRawSchema;
import dev.langchain4j.model.chat.request.json.JsonSchema;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.ollama.OllamaChatModel;
import dev.langchain4j.model.ollama.OllamaChatRequestParameters;
import dev.langchain4j.model.ollama.OllamaStreamingChatModel;
import dev.quillstream.llm.ModelException;
import dev.quillstream.llm.ModelRequest;
import dev.quillstream.llm.support.LangChainTextModel;
import dev.quillstream.llm.support.ProviderFailures;
import dev.quillstream.llm.support.ProviderHttp;
import dev.quillstream.llm.support.WireInspector;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Ollama's {@code /api/chat}: NDJSON streaming, structured output through {@code format} set to the
 * JSON Schema, token counts from {@code prompt_eval_count}/{@code eval_count}. An optional API key
 * (Ollama's cloud, or a proxy in front of a server) is sent as a bearer token.
 *
 * <p>LangChain4j ignores an {@code {"error": "..."}} line in the stream and never completes a stream
 * that ends without {@code done: true}; the inspector below and the template's end-of-stream check
 * turn both into {@code ProviderUnavailable}.
 */
public final class OllamaTextModel extends LangChainTextModel {

    public static final String PROVIDER = "ollama";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    public OllamaTextModel(OllamaSettings settings) {
        super(
                PROVIDER,
                settings.fastModel(),
                settings.smartModel(),
                OllamaChatModel.builder()
                        .httpClientBuilder(http(settings))
                        .baseUrl(settings.apiUrl())
                        .modelName(settings.smartModel())
                        .timeout(settings.timeout())
                        .customHeaders(headers(settings))
                        .maxRetries(0)
                        .build(),
                OllamaStreamingChatModel.builder()
                        .httpClientBuilder(http(settings))
                        .baseUrl(settings.apiUrl())
                        .modelName(settings.smartModel())
                        .timeout(settings.timeout())
                        .customHeaders(headers(settings))
                        .build());
    }

    private static ProviderHttp http(OllamaSettings settings) {
        return ProviderHttp.withTimeout(settings.timeout()).inspecting(new WireInspector() {
            @Override
            public @Nullable ModelException inStream(@Nullable String event, String line) {
                return errorLine(line);
            }
        });
    }

    private static Map<String, String> headers(OllamaSettings settings) {
        return settings.apiKey().isBlank() ? Map.of() : Map.of("Authorization", "Bearer " + settings.apiKey());
    }

    /** Ollama reports a failure after the stream began as one more line: {@code {"error": "..."}}. */
    static @Nullable ModelException errorLine(String line) {
        if (!line.contains("\"error\"")) {
            return null;
        }
        try {
            JsonNode json = JSON.readTree(line);
            String error = json.path("error").asString("");
            if (error.isEmpty()) {
                return null;
            }
            return error.contains("server busy")
                    ? new ModelException.Overloaded(PROVIDER, "stream error: " + error, null)
                    : new ModelException.ProviderUnavailable(PROVIDER, "stream error: " + error, null);
        } catch (JacksonException notJson) {
            return null;
        }
    }

    @Override
    protected ChatRequestParameters parameters(ModelRequest request) {
        var parameters = OllamaChatRequestParameters.builder()
                .modelName(modelName(request.tier()))
                .temperature(request.temperature())
                .maxOutputTokens(request.maxOutputTokens());
        if (request.schema() != null) {
            parameters.responseFormat(ResponseFormat.builder()
                    .type(ResponseFormatType.JSON)
                    .jsonSchema(JsonSchema.builder()
                            .name(request.schema().name())
                            .rootElement(
                                    JsonRawSchema.from(request.schema().schema().toString()))
                            .build())
                    .build());
        }
        return parameters.build();
    }

    /**
     * LangChain4j completes an Ollama stream only on its {@code done: true} line, and older servers
     * send that line without {@code done_reason}: completion itself proves the end was reached.
     */
    @Override
    protected boolean finished(ChatResponse response) {
        return true;
    }

    @Override
    protected ModelException translate(Throwable failure) {
        ModelException typed = ProviderFailures.translate(PROVIDER, failure);
        String body = ProviderFailures.errorBody(failure);
        if (body != null && body.contains("server busy")) {
            return new ModelException.Overloaded(PROVIDER, typed.getMessage(), failure);
        }
        return typed;
    }

    /**
     * Connection settings.
     *
     * @param host as {@code OLLAMA_HOST}: {@code http://127.0.0.1:11434}, {@code 127.0.0.1:11434}, or
     *     a host alone (port 11434); a URL may carry a path prefix (a proxy)
     * @param apiKey optional; sent as {@code Authorization: Bearer}
     */
    public record OllamaSettings(String host, String apiKey, String fastModel, String smartModel, Duration timeout) {

        String apiUrl() {
            String value = host.strip();
            if (!value.contains("://")) {
                value = "http://" + value;
            }
            URI uri = URI.create(value);
            int port = uri.getPort() == -1 ? (value.startsWith("https://") ? 443 : 11434) : uri.getPort();
            String path = uri.getPath() == null ? "" : uri.getPath().replaceAll("/+$", "");
            return uri.getScheme() + "://" + uri.getHost() + ":" + port + path + "/";
        }
    }
}
