package dev.quillstream.llm;

/**
 * The port every provider adapter implements. Calls block (generation runs on virtual threads) and
 * fail with a {@link ModelException} that says whether retrying can help.
 */
public interface TextModel {

    /** The provider's name, e.g. {@code openai} or {@code offline}. */
    String provider();

    /** The model that answers requests of this tier, e.g. {@code gpt-4o-mini} for {@code FAST}. */
    default String modelName(ModelTier tier) {
        return provider();
    }

    /** The whole reply at once. With a {@link ModelRequest#schema()} the reply is JSON that conforms to it. */
    ModelReply complete(ModelRequest request);

    /** The reply as it is produced, delta by delta, then whole. */
    ModelReply stream(ModelRequest request, TokenListener listener);

    /**
     * Structured output: the reply read into {@code type} after it was validated against the
     * request's schema.
     *
     * @throws MalformedOutput when the model's JSON does not conform (callers may re-ask)
     */
    default <T> Structured<T> structured(ModelRequest request, Class<T> type) {
        if (request.schema() == null) {
            throw new IllegalArgumentException("structured output needs a response schema");
        }
        ModelReply reply = complete(request);
        return new Structured<>(StructuredOutput.read(reply, request.schema(), type), reply);
    }

    /**
     * What a call of this tier with this many tokens would cost at the provider that would answer
     * it now, in US dollars; zero for models without a price (offline, local).
     */
    default double estimateCostUsd(ModelTier tier, TokenUsage expected) {
        return 0;
    }

    /** A decorator that records every reply of this model in {@code meter}. */
    default TextModel meteredBy(UsageMeter meter) {
        return new MeteredTextModel(this, meter);
    }
}
