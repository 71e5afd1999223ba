package dev.quillstream.llm.gemini;

import dev.langchain4j.model.chat.request.ChatRequestParameters;
import dev.langchain4j.model.chat.request.ResponseFormat;
import dev.langchain4j.model.chat.request.ResponseFormatType;
import dev.langchain4j.model.chat.request.json.JsonRawSchema;
import dev.langchain4j.model.chat.request.json.JsonSchema;
import dev.langchain4j.model.googleai.GoogleAiGeminiChatModel;
import dev.langchain4j.model.googleai.GoogleAiGeminiStreamingChatModel;
import dev.quillstream.llm.ModelException;
import dev.quillstream.llm.ModelRequest;
import dev.quillstream.llm.support.LangChainTextModel;
import dev.quillstream.llm.support.ProviderHttp;
import java.time.Duration;

/**
 * Google Gemini (Developer API): {@code models/{model}:generateContent} and {@code
 * :streamGenerateContent?alt=sse}, structured output through {@code responseMimeType:
 * application/json} with {@code responseJsonSchema}, thought summaries never mixed into the text.
 *
 * <p>LangChain4j's Gemini client does not type what Gemini says in a 2xx body (a blocked prompt
 * has no candidates; a stream may carry {@code {"error": ...}}) nor the {@code RetryInfo} of a 429
 * body; {@link GeminiErrors} does, at this edge.
 */
public final class GeminiTextModel extends LangChainTextModel {

    public static final String PROVIDER = "gemini";

    public GeminiTextModel(GeminiSettings settings) {
        super(
                PROVIDER,
                settings.fastModel(),
                settings.smartModel(),
                GoogleAiGeminiChatModel.builder()
                        .httpClientBuilder(http(settings))
                        .baseUrl(settings.apiUrl())
                        .apiKey(settings.apiKey())
                        .modelName(settings.smartModel())
                        .timeout(settings.timeout())
                        .returnThinking(false)
                        .maxRetries(0)
                        .build(),
                GoogleAiGeminiStreamingChatModel.builder()
                        .httpClientBuilder(http(settings))
                        .baseUrl(settings.apiUrl())
                        .apiKey(settings.apiKey())
                        .modelName(settings.smartModel())
                        .timeout(settings.timeout())
                        .returnThinking(false)
                        .build());
    }

    private static ProviderHttp http(GeminiSettings settings) {
        return ProviderHttp.withTimeout(settings.timeout()).inspecting(new GeminiErrors());
    }

    @Override
    protected ChatRequestParameters parameters(ModelRequest request) {
        var parameters = ChatRequestParameters.builder()
                .modelName(modelName(request.tier()))
                .temperature(request.temperature())
                .maxOutputTokens(request.maxOutputTokens());
        if (request.schema() != null) {
            // A raw schema becomes responseJsonSchema (full JSON Schema), not the OpenAPI-subset responseSchema.
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

    @Override
    protected ModelException translate(Throwable failure) {
        return GeminiErrors.translate(failure);
    }

    /**
     * Connection settings.
     *
     * @param baseUrl the API host ({@code https://generativelanguage.googleapis.com}), or a URL that
     *     already names the API version ({@code .../v1beta})
     */
    public record GeminiSettings(String apiKey, String baseUrl, String fastModel, String smartModel, Duration timeout) {

        String apiUrl() {
            String trimmed = baseUrl.replaceAll("/+$", "");
            return trimmed.matches(".*/v1(alpha|beta)?\\d*$") ? trimmed : trimmed + "/v1beta";
        }
    }
}
