package dev.quillstream.generation.book;

import dev.quillstream.generation.BookCheckpoints;
import dev.quillstream.generation.GenerationCancelled;
import dev.quillstream.llm.ModelReply;
import dev.quillstream.llm.ModelRequest;
import dev.quillstream.llm.ModelTier;
import dev.quillstream.llm.TextModel;
import dev.quillstream.llm.TokenListener;
import dev.quillstream.llm.TokenUsage;

/** The model, asking before every call whether the run was cancelled: a cancelled book stops at its next call. */
final class CancellableModel implements TextModel {

    private final TextModel delegate;
    private final BookCheckpoints checkpoints;

    CancellableModel(TextModel delegate, BookCheckpoints checkpoints) {
        this.delegate = delegate;
        this.checkpoints = checkpoints;
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
        stopIfCancelled();
        return delegate.complete(request);
    }

    @Override
    public ModelReply stream(ModelRequest request, TokenListener listener) {
        stopIfCancelled();
        return delegate.stream(request, listener);
    }

    private void stopIfCancelled() {
        if (checkpoints.cancelRequested()) {
            throw new GenerationCancelled("the book was cancelled; its finished sections are kept in its checkpoint");
        }
    }
}
