package dev.quillstream.llm.openai;

import dev.langchain4j.model.chat.request.ChatRequestParameters;
import dev.langchain4j.model.chat.request.ResponseFormat;
import dev.langchain4j.model.chat.request.ResponseFormatType;
import dev.langchain4j.model.chat.request.json.JsonRawSchema;
import dev.langchain4j.model.chat.request.json.JsonSchema;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiChatRequestParameters;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import dev.quillstream.llm.ModelRequest;
import dev.quillstream.llm.support.LangChainTextModel;
import dev.quillstream.llm.support.ProviderHttp;
import java.time.Duration;

/**
 * OpenAI Chat Completions, or any server that speaks it (vLLM, LM Studio, OpenRouter, Groq...):
 * SSE streaming with usage, and structured output through {@code response_format: json_schema}
 * in strict mode.
 */
public final class OpenAiTextModel extends LangChainTextModel {

    public static final String PROVIDER = "openai";

    public OpenAiTextModel(OpenAiSettings settings) {
        super(
                PROVIDER,
                settings.fastModel(),
                settings.smartModel(),
                OpenAiChatModel.builder()
                        .httpClientBuilder(
                                ProviderHttp.withTimeout(settings.timeout()).inspecting(new OpenAiErrors()))
                        .baseUrl(settings.baseUrl())
                        .apiKey(settings.apiKey())
                        .modelName(settings.smartModel())
                        .timeout(settings.timeout())
                        .strictJsonSchema(true)
                        .maxRetries(0)
                        .build(),
                OpenAiStreamingChatModel.builder()
                        .httpClientBuilder(
                                ProviderHttp.withTimeout(settings.timeout()).inspecting(new OpenAiErrors()))
                        .baseUrl(settings.baseUrl())
                        .apiKey(settings.apiKey())
                        .modelName(settings.smartModel())
                        .timeout(settings.timeout())
                        .strictJsonSchema(true)
                        .build());
    }

    @Override
    protected ChatRequestParameters parameters(ModelRequest request) {
        var parameters = OpenAiChatRequestParameters.builder()
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

    /** Connection settings; {@code baseUrl} ends before {@code /chat/completions}. */
    public record OpenAiSettings(
            String apiKey, String baseUrl, String fastModel, String smartModel, Duration timeout) {}
}
