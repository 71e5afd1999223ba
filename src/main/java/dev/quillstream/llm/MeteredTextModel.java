package dev.quillstream.llm;

/** Records each successful reply of the wrapped model in a {@link UsageMeter}. */
final class MeteredTextModel implements TextModel {

    private final TextModel delegate;
    private final UsageMeter meter;

    MeteredTextModel(TextModel delegate, UsageMeter meter) {
        this.delegate = delegate;
        this.meter = meter;
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

    @Override
    public ModelReply complete(ModelRequest request) {
        ModelReply reply = delegate.complete(request);
        meter.record(reply);
        return reply;
    }

    @Override
    public ModelReply stream(ModelRequest request, TokenListener listener) {
        ModelReply reply = delegate.stream(request, listener);
        meter.record(reply);
        return reply;
    }
}
