package dev.quillstream.llm.routing;

import dev.quillstream.llm.ForwardingTextModel;
import dev.quillstream.llm.ModelException;
import dev.quillstream.llm.ModelReply;
import dev.quillstream.llm.ModelRequest;
import dev.quillstream.llm.TextModel;
import dev.quillstream.llm.TokenListener;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RequestNotPermitted;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * One provider behind its Resilience4j circuit breaker, concurrency limit (bulkhead) and request
 * rate limit. An open circuit refuses at once (the chain goes on to the next provider); a call
 * waits for a rate permit and a concurrency slot up to the configured time, so a book's hundreds
 * of calls queue instead of bursting past the provider's limits. Refusals are {@link
 * ModelException}s caused by the Resilience4j exception, which {@link #refusedLocally} recognises.
 */
public final class GuardedProvider extends ForwardingTextModel {

    private final CircuitBreaker breaker;
    private final Bulkhead bulkhead;
    private final @Nullable RateLimiter limiter;

    public GuardedProvider(
            TextModel delegate, CircuitBreaker breaker, Bulkhead bulkhead, @Nullable RateLimiter limiter) {
        super(delegate);
        this.breaker = breaker;
        this.bulkhead = bulkhead;
        this.limiter = limiter;
    }

    /** Whether Quillstream itself refused the call (circuit open, limits reached): no provider said anything. */
    public static boolean refusedLocally(ModelException failure) {
        Throwable cause = failure.getCause();
        return cause instanceof CallNotPermittedException
                || cause instanceof BulkheadFullException
                || cause instanceof RequestNotPermitted;
    }

    public CircuitBreaker breaker() {
        return breaker;
    }

    @Override
    public ModelReply complete(ModelRequest request) {
        return guarded(() -> delegate.complete(request));
    }

    @Override
    public ModelReply stream(ModelRequest request, TokenListener listener) {
        return guarded(() -> delegate.stream(request, listener));
    }

    private ModelReply guarded(Supplier<ModelReply> call) {
        if (!breaker.tryAcquirePermission()) {
            CallNotPermittedException open = CallNotPermittedException.createCallNotPermittedException(breaker);
            throw new ModelException.ProviderUnavailable(
                    provider(), "circuit open after repeated failures: skipped for now", open);
        }
        try {
            if (limiter != null && !limiter.acquirePermission()) {
                throw new ModelException.RateLimited(
                        provider(),
                        "request-rate limit of "
                                + limiter.getRateLimiterConfig().getLimitForPeriod() + " per "
                                + limiter.getRateLimiterConfig().getLimitRefreshPeriod() + " reached",
                        null,
                        RequestNotPermitted.createRequestNotPermitted(limiter));
            }
            bulkhead.acquirePermission();
        } catch (BulkheadFullException full) {
            breaker.releasePermission();
            throw new ModelException.ProviderUnavailable(
                    provider(),
                    "concurrency limit of " + bulkhead.getBulkheadConfig().getMaxConcurrentCalls() + " calls reached",
                    full);
        } catch (ModelException refused) {
            breaker.releasePermission();
            throw refused;
        }
        long started = breaker.getCurrentTimestamp();
        try {
            ModelReply reply = call.get();
            breaker.onSuccess(breaker.getCurrentTimestamp() - started, breaker.getTimestampUnit());
            return reply;
        } catch (RuntimeException failure) {
            // The breaker's own predicate decides what counts: see ProviderStacks.
            breaker.onError(breaker.getCurrentTimestamp() - started, breaker.getTimestampUnit(), failure);
            throw failure;
        } finally {
            bulkhead.onComplete();
        }
    }
}
