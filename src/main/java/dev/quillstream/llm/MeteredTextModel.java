package dev.quillstream.llm;

/** Records each successful reply of the wrapped model in a {@link UsageMeter}. */
final class MeteredTextModel extends ForwardingTextModel {

    private final UsageMeter meter;

    MeteredTextModel(TextModel delegate, UsageMeter meter) {
        super(delegate);
        this.meter = meter;
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
