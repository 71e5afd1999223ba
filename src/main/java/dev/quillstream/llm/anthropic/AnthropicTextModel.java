package dev.quillstream.llm.anthropic;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.model.anthropic.AnthropicChatModel;
import dev.langchain4j.model.anthropic.AnthropicStreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import dev.langchain4j.model.chat.request.ToolChoice;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.request.json.JsonRawSchema;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.FinishReason;
import dev.quillstream.llm.ModelException;
import dev.quillstream.llm.ModelRequest;
import dev.quillstream.llm.ResponseSchema;
import dev.quillstream.llm.support.LangChainTextModel;
import dev.quillstream.llm.support.ProviderHttp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Anthropic Messages API: SSE streaming with usage, and structured output by a forced {@code
 * tool_use}: the request offers one tool whose input schema is the response schema and sets {@code
 * tool_choice} to it, so the model's answer is the tool's input JSON.
 *
 * <p>LangChain4j turns a mid-stream {@code event: error} into an untyped exception; {@link
 * AnthropicErrors} reads it (and error bodies) first, so an overloaded stream is {@code Overloaded}.
 */
public final class AnthropicTextModel extends LangChainTextModel {

    public static final String PROVIDER = "anthropic";

    /** The single tool of a structured request; LangChain4j fixes the forced tool's name per model. */
    static final String STRUCTURED_TOOL = "structured_reply";

    public AnthropicTextModel(AnthropicSettings settings) {
        super(
                PROVIDER,
                settings.fastModel(),
                settings.smartModel(),
                AnthropicChatModel.builder()
                        .httpClientBuilder(http(settings))
                        .baseUrl(settings.apiUrl())
                        .apiKey(settings.apiKey())
                        .modelName(settings.smartModel())
                        .timeout(settings.timeout())
                        .toolChoiceName(STRUCTURED_TOOL)
                        .maxRetries(0)
                        .build(),
                AnthropicStreamingChatModel.builder()
                        .httpClientBuilder(http(settings))
                        .baseUrl(settings.apiUrl())
                        .apiKey(settings.apiKey())
                        .modelName(settings.smartModel())
                        .timeout(settings.timeout())
                        .toolChoiceName(STRUCTURED_TOOL)
                        .build());
    }

    private static ProviderHttp http(AnthropicSettings settings) {
        return ProviderHttp.withTimeout(settings.timeout()).inspecting(new AnthropicErrors());
    }

    @Override
    protected ChatRequestParameters parameters(ModelRequest request) {
        var parameters = ChatRequestParameters.builder()
                .modelName(modelName(request.tier()))
                // Anthropic's temperature range is [0, 1]; the port's is OpenAI's [0, 2].
                .temperature(Math.min(1.0, request.temperature()))
                .maxOutputTokens(request.maxOutputTokens());
        if (request.schema() != null) {
            parameters.toolSpecifications(tool(request.schema())).toolChoice(ToolChoice.REQUIRED);
        }
        return parameters.build();
    }

    /** The tool whose input is the structured reply: top-level properties and required list of the schema. */
    static ToolSpecification tool(ResponseSchema schema) {
        JsonNode root = schema.schema();
        var parameters = JsonObjectSchema.builder();
        root.path("properties")
                .properties()
                .forEach(property -> parameters.addProperty(
                        property.getKey(),
                        JsonRawSchema.from(property.getValue().toString())));
        List<String> required = new ArrayList<>();
        root.path("required").forEach(name -> required.add(name.asString()));
        parameters.required(required);
        return ToolSpecification.builder()
                .name(STRUCTURED_TOOL)
                .description("Return the " + schema.name() + " as this tool's input, complete and conforming to"
                        + " its schema. " + root.path("description").asString(""))
                .parameters(parameters.build())
                .build();
    }

    @Override
    protected @Nullable String text(ChatResponse response, ModelRequest request) {
        if (response.finishReason() == FinishReason.OTHER) {
            // Without server tools the only other stop reason is "refusal".
            throw new ModelException.ContentRejected(PROVIDER, "the model refused to answer", null);
        }
        if (request.schema() == null) {
            return response.aiMessage().text();
        }
        return response.aiMessage().toolExecutionRequests().stream()
                .filter(call -> STRUCTURED_TOOL.equals(call.name()))
                .map(ToolExecutionRequest::arguments)
                .findFirst()
                .orElse(response.aiMessage().text());
    }

    @Override
    protected ModelException translate(Throwable failure) {
        return AnthropicErrors.translate(failure);
    }

    /**
     * Connection settings.
     *
     * @param baseUrl as {@code ANTHROPIC_BASE_URL} is for Anthropic's SDKs: the host, without {@code
     *     /v1} (a URL that already ends in {@code /v1} is accepted too)
     */
    public record AnthropicSettings(
            String apiKey, String baseUrl, String fastModel, String smartModel, Duration timeout) {

        String apiUrl() {
            String trimmed = baseUrl.replaceAll("/+$", "");
            return trimmed.endsWith("/v1") ? trimmed + "/" : trimmed + "/v1/";
        }
    }
}
