package dev.quillstream.llm;

/**
 * A decorator of another model: it answers for the model it wraps (provider, model names, cost
 * estimates) and subclasses change only the calls they are about.
 */
public abstract class ForwardingTextModel implements TextModel {

    protected final TextModel delegate;

    protected ForwardingTextModel(TextModel delegate) {
        this.delegate = delegate;
    }

    @Override
    public String provider() {
        return delegate.provider();
    }

    @Override
    public String modelName(ModelTier tier) {
        return delegate.modelName(tier);
    }

    @Override
    public double estimateCostUsd(ModelTier tier, TokenUsage expected) {
        return delegate.estimateCostUsd(tier, expected);
    }
}
