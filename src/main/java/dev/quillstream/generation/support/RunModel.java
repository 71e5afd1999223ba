package dev.quillstream.generation.support;

import dev.quillstream.generation.BudgetExceeded;
import dev.quillstream.llm.ForwardingTextModel;
import dev.quillstream.llm.ModelReply;
import dev.quillstream.llm.ModelRequest;
import dev.quillstream.llm.TextModel;
import dev.quillstream.llm.TokenListener;
import dev.quillstream.llm.UsageMeter;
import org.jspecify.annotations.Nullable;

/**
 * The model as one run sees it: metered into the run's {@link UsageMeter}, answered without the
 * response cache when the request opted out, and held to the request's budget. A call is not
 * started once the budget is spent, and the call that crosses it ends the run: its answer is
 * dropped, so a post is never finished past its budget. A run that can be stopped (a cancelled book) is
 * given a check that runs before every call and throws.
 */
public final class RunModel extends ForwardingTextModel {

    private final UsageMeter meter;
    private final @Nullable Double maxCostUsd;
    private final boolean cacheAllowed;
    private final Runnable beforeCall;

    public RunModel(TextModel model, UsageMeter meter, @Nullable Double maxCostUsd, boolean cacheAllowed) {
        this(model, meter, maxCostUsd, cacheAllowed, () -> {});
    }

    /** @param beforeCall runs before every call and may throw to stop the run (a cancelled job) */
    public RunModel(
            TextModel model, UsageMeter meter, @Nullable Double maxCostUsd, boolean cacheAllowed, Runnable beforeCall) {
        super(model.meteredBy(meter));
        this.meter = meter;
        this.maxCostUsd = maxCostUsd;
        this.cacheAllowed = cacheAllowed;
        this.beforeCall = beforeCall;
    }

    @Override
    public ModelReply complete(ModelRequest request) {
        checkBudget();
        ModelReply reply = delegate.complete(withCachePolicy(request));
        checkBudget();
        return reply;
    }

    @Override
    public ModelReply stream(ModelRequest request, TokenListener listener) {
        checkBudget();
        ModelReply reply = delegate.stream(withCachePolicy(request), listener);
        checkBudget();
        return reply;
    }

    private ModelRequest withCachePolicy(ModelRequest request) {
        return cacheAllowed ? request : request.withoutCache();
    }

    private void checkBudget() {
        beforeCall.run();
        if (maxCostUsd != null && meter.costUsd() > maxCostUsd) {
            throw BudgetExceeded.spent(meter.costUsd(), maxCostUsd);
        }
    }
}
