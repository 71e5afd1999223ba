package dev.quillstream.llm.routing;

import dev.quillstream.llm.ModelException;
import dev.quillstream.llm.TextModel;
import dev.quillstream.llm.metering.MeteredProvider;
import dev.quillstream.llm.metering.PriceTable;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.micrometer.tagged.TaggedBulkheadMetrics;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.github.resilience4j.micrometer.tagged.TaggedRateLimiterMetrics;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;

/**
 * Puts each provider adapter in its stack, the same for every provider:
 *
 * <pre>
 * RetryingProvider → GuardedProvider (circuit breaker, rate limit, bulkhead) → MeteredProvider → adapter
 * </pre>
 *
 * Retries are outside the guards, so every attempt passes the circuit breaker (a dead provider's
 * circuit opens within one request's retries, and an open circuit stops the retries) and takes a
 * rate permit, and no concurrency slot is held while waiting to retry. Metering is inside, so each
 * attempt is recorded with its own latency.
 */
public final class ProviderStacks {

    private final Resilience resilience;
    private final PriceTable prices;
    private final MeterRegistry registry;
    private final Sleeper sleeper;
    private final CircuitBreakerRegistry breakers;
    private final BulkheadRegistry bulkheads = BulkheadRegistry.ofDefaults();
    private final RateLimiterRegistry limiters = RateLimiterRegistry.ofDefaults();

    public ProviderStacks(
            Resilience resilience, PriceTable prices, MeterRegistry registry, Sleeper sleeper, Clock clock) {
        this.resilience = resilience;
        this.prices = prices;
        this.registry = registry;
        this.sleeper = sleeper;
        this.breakers = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
                .clock(clock)
                .currentTimestampFunction(c -> c.millis(), java.util.concurrent.TimeUnit.MILLISECONDS)
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(resilience.circuitWindow())
                .minimumNumberOfCalls(resilience.circuitMinimumCalls())
                .failureRateThreshold(resilience.circuitFailureRate())
                .waitDurationInOpenState(resilience.circuitOpenFor())
                .permittedNumberOfCallsInHalfOpenState(2)
                // Long-form streams are slow by nature: slowness never opens a circuit.
                .slowCallDurationThreshold(Duration.ofDays(1))
                .recordException(ProviderStacks::providerFailure)
                .build());
        TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(breakers).bindTo(registry);
        TaggedBulkheadMetrics.ofBulkheadRegistry(bulkheads).bindTo(registry);
        TaggedRateLimiterMetrics.ofRateLimiterRegistry(limiters).bindTo(registry);
    }

    /** Failures that say the provider is unwell; a bad request or a refused prompt does not. */
    private static boolean providerFailure(Throwable failure) {
        return failure instanceof ModelException model
                && model.retryable()
                && !(model instanceof ModelException.MalformedOutput)
                && !GuardedProvider.refusedLocally(model);
    }

    public ProviderRoute route(TextModel adapter, Limits limits) {
        String name = adapter.provider();
        CircuitBreaker breaker = breakers.circuitBreaker(name);
        Bulkhead bulkhead = bulkheads.bulkhead(
                name,
                BulkheadConfig.custom()
                        .maxConcurrentCalls(limits.maxConcurrency())
                        .maxWaitDuration(resilience.limitWait())
                        .build());
        RateLimiter limiter = limits.requestsPerMinute() <= 0
                ? null
                : limiters.rateLimiter(
                        name,
                        RateLimiterConfig.custom()
                                .limitForPeriod(limits.requestsPerMinute())
                                .limitRefreshPeriod(Duration.ofMinutes(1))
                                .timeoutDuration(resilience.limitWait())
                                .build());
        TextModel metered = new MeteredProvider(adapter, prices, registry);
        TextModel guarded = new GuardedProvider(metered, breaker, bulkhead, limiter);
        TextModel retrying = new RetryingProvider(guarded, resilience.retry(), sleeper);
        return new ProviderRoute(name, retrying, breaker);
    }

    /** The offline model needs no guards: it is local and cannot fail. It is still metered. */
    public ProviderRoute unguarded(TextModel adapter) {
        return new ProviderRoute(adapter.provider(), new MeteredProvider(adapter, prices, registry), null);
    }

    public CircuitBreakerRegistry breakers() {
        return breakers;
    }

    /** How hard to try one provider, and when to give up on it. */
    public record Resilience(
            RetryPolicy retry,
            int circuitWindow,
            int circuitMinimumCalls,
            float circuitFailureRate,
            Duration circuitOpenFor,
            Duration limitWait) {}

    /**
     * @param maxConcurrency calls in flight at once to this provider, from this node
     * @param requestsPerMinute calls started per minute from this node; 0 for no limit
     */
    public record Limits(int maxConcurrency, int requestsPerMinute) {

        public Limits {
            if (maxConcurrency < 1) {
                throw new IllegalArgumentException("max concurrency must be at least 1: " + maxConcurrency);
            }
        }
    }
}
