package dev.quillstream.generation.support;

import dev.quillstream.generation.BudgetExceeded;
import dev.quillstream.generation.GenerationCancelled;
import dev.quillstream.llm.ModelReply;
import dev.quillstream.llm.ModelRequest;
import dev.quillstream.llm.ModelTier;
import dev.quillstream.llm.TextModel;
import dev.quillstream.llm.TokenListener;
import dev.quillstream.llm.TokenUsage;
import dev.quillstream.llm.UsageMeter;
import java.util.function.BooleanSupplier;
import org.jspecify.annotations.Nullable;

/**
 * The model as one run sees it: metered into the run's {@link UsageMeter}, answered without the
 * response cache when the request opted out, and held to the request's budget. A call is not
 * started once the budget is spent, and the call that crosses it ends the run: its answer is
 * dropped, so a post is never finished past its budget. A run that can be cancelled (a book) is
 * asked before every call and stops with {@link GenerationCancelled}.
 */
public final class RunModel implements TextModel {

    private final TextModel metered;
    private final UsageMeter meter;
    private final @Nullable Double maxCostUsd;
    private final boolean cacheAllowed;
    private final BooleanSupplier cancelled;

    public RunModel(TextModel model, UsageMeter meter, @Nullable Double maxCostUsd, boolean cacheAllowed) {
        this(model, meter, maxCostUsd, cacheAllowed, () -> false);
    }

    /** @param cancelled asked before every call; true stops the run */
    public RunModel(
            TextModel model,
            UsageMeter meter,
            @Nullable Double maxCostUsd,
            boolean cacheAllowed,
            BooleanSupplier cancelled) {
        this.metered = model.meteredBy(meter);
        this.meter = meter;
        this.maxCostUsd = maxCostUsd;
        this.cacheAllowed = cacheAllowed;
        this.cancelled = cancelled;
    }

    @Override
    public String provider() {
        return metered.provider();
    }

    @Override
    public String modelName(ModelTier tier) {
        return metered.modelName(tier);
    }

    @Override
    public double estimateCostUsd(ModelTier tier, TokenUsage expected) {
        return metered.estimateCostUsd(tier, expected);
    }

    @Override
    public ModelReply complete(ModelRequest request) {
        stopIfCancelled();
        checkBudget();
        ModelReply reply = metered.complete(withCachePolicy(request));
        checkBudget();
        return reply;
    }

    @Override
    public ModelReply stream(ModelRequest request, TokenListener listener) {
        stopIfCancelled();
        checkBudget();
        ModelReply reply = metered.stream(withCachePolicy(request), listener);
        checkBudget();
        return reply;
    }

    private ModelRequest withCachePolicy(ModelRequest request) {
        return cacheAllowed ? request : request.withoutCache();
    }

    private void stopIfCancelled() {
        if (cancelled.getAsBoolean()) {
            throw new GenerationCancelled("the run was cancelled; what it checkpointed is kept");
        }
    }

    private void checkBudget() {
        if (maxCostUsd != null && meter.costUsd() > maxCostUsd) {
            throw BudgetExceeded.spent(meter.costUsd(), maxCostUsd);
        }
    }
}
