package dev.quillstream.llm.support;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.output.FinishReason;
import dev.quillstream.llm.ChatMessage;
import dev.quillstream.llm.ModelException;
import dev.quillstream.llm.ModelReply;
import dev.quillstream.llm.ModelRequest;
import dev.quillstream.llm.ModelTier;
import dev.quillstream.llm.TextModel;
import dev.quillstream.llm.TokenListener;
import dev.quillstream.llm.TokenUsage;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.jspecify.annotations.Nullable;

/**
 * A {@link TextModel} over a LangChain4j chat model pair: the template every provider adapter
 * fills in with its model names and its native structured-output parameters. Failures leave this
 * class as {@link ModelException}s only.
 */
public abstract class LangChainTextModel implements TextModel {

    private final String provider;
    private final String fastModel;
    private final String smartModel;
    private final ChatModel chat;
    private final StreamingChatModel streaming;

    protected LangChainTextModel(
            String provider, String fastModel, String smartModel, ChatModel chat, StreamingChatModel streaming) {
        this.provider = provider;
        this.fastModel = fastModel;
        this.smartModel = smartModel;
        this.chat = chat;
        this.streaming = streaming;
    }

    /** The provider's model for a tier. */
    @Override
    public final String modelName(ModelTier tier) {
        return tier == ModelTier.FAST ? fastModel : smartModel;
    }

    /** Model, sampling and response-format parameters in the provider's own terms. */
    protected abstract ChatRequestParameters parameters(ModelRequest request);

    /** The reply's text; providers whose structured output arrives elsewhere (a tool call) override this. */
    protected @Nullable String text(ChatResponse response, ModelRequest request) {
        return response.aiMessage().text();
    }

    /**
     * Whether a completed stream really reached the model's end. By default a final response
     * without a finish reason means the library completed on a stream that was cut short.
     */
    protected boolean finished(ChatResponse response) {
        return response.finishReason() != null;
    }

    protected ModelException translate(Throwable failure) {
        return ProviderFailures.translate(provider, failure);
    }

    @Override
    public final String provider() {
        return provider;
    }

    @Override
    public final ModelReply complete(ModelRequest request) {
        ChatResponse response;
        try {
            response = chat.chat(chatRequest(request));
        } catch (RuntimeException e) {
            throw translate(e);
        }
        return reply(response, request);
    }

    @Override
    public final ModelReply stream(ModelRequest request, TokenListener listener) {
        CompletableFuture<ChatResponse> done = new CompletableFuture<>();
        try {
            streaming.chat(chatRequest(request), new StreamingChatResponseHandler() {
                @Override
                public void onPartialResponse(String delta) {
                    if (!done.isDone()) {
                        listener.onDelta(delta);
                    }
                }

                @Override
                public void onCompleteResponse(ChatResponse response) {
                    done.complete(response);
                }

                @Override
                public void onError(Throwable error) {
                    done.completeExceptionally(error);
                }
            });
            if (!done.isDone()) {
                // Our HTTP client reads the stream on this thread: it has ended, and the library saw
                // neither a final event nor an error (Ollama's client, for one, ignores a cut stream).
                done.completeExceptionally(new ModelException.ProviderUnavailable(
                        provider, "the stream ended before the model finished its reply", null));
            }
            ChatResponse response = done.join();
            if (!finished(response)) {
                throw new ModelException.ProviderUnavailable(
                        provider, "the stream ended before the model finished its reply", null);
            }
            return reply(response, request);
        } catch (CompletionException e) {
            throw translate(e.getCause() == null ? e : e.getCause());
        } catch (ModelException e) {
            throw e;
        } catch (RuntimeException e) {
            throw translate(e);
        }
    }

    private ChatRequest chatRequest(ModelRequest request) {
        List<dev.langchain4j.data.message.ChatMessage> messages =
                request.messages().stream().map(LangChainTextModel::toLangChain).toList();
        return ChatRequest.builder()
                .messages(messages)
                .parameters(parameters(request))
                .build();
    }

    private ModelReply reply(ChatResponse response, ModelRequest request) {
        if (response.finishReason() == FinishReason.CONTENT_FILTER) {
            throw new ModelException.ContentRejected(provider, "the provider's content filter stopped the reply", null);
        }
        String text = text(response, request);
        if (text == null) {
            throw new ModelException.ContentRejected(provider, "the model returned no text (refusal)", null);
        }
        var usage = response.tokenUsage();
        TokenUsage tokens = usage == null
                ? TokenUsage.NONE
                : new TokenUsage(orZero(usage.inputTokenCount()), orZero(usage.outputTokenCount()));
        String model = response.modelName() == null ? modelName(request.tier()) : response.modelName();
        return new ModelReply(text, tokens, provider, model, false);
    }

    private static long orZero(@Nullable Integer count) {
        return count == null ? 0 : count;
    }

    private static dev.langchain4j.data.message.ChatMessage toLangChain(ChatMessage message) {
        return switch (message.role()) {
            case SYSTEM -> SystemMessage.from(message.content());
            case USER -> UserMessage.from(message.content());
            case ASSISTANT -> AiMessage.from(message.content());
        };
    }
}
