package dev.quillstream.llm.routing;

import dev.quillstream.llm.ModelException;
import java.time.Duration;
import java.util.Optional;
import java.util.function.DoubleSupplier;

/**
 * When to try the same provider again: only for retryable failures the provider reported (a
 * refusal by our own circuit breaker, concurrency or rate limit is not retried: the next provider
 * is tried instead), at most {@code maxAttempts} calls in all. The wait honours the provider's
 * {@code Retry-After} exactly; without one it is exponential from {@code initialBackoff}, capped at
 * {@code maxBackoff}, with "equal jitter" (half fixed, half random) so that parallel calls that
 * failed together do not come back together. A provider asking for more than {@code
 * maxRetryAfter} is not waited for: the request moves on to the next provider.
 */
public record RetryPolicy(
        int maxAttempts, Duration initialBackoff, Duration maxBackoff, Duration maxRetryAfter, DoubleSupplier random) {

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("retry max attempts must be at least 1: " + maxAttempts);
        }
    }

    public static RetryPolicy of(
            int maxAttempts, Duration initialBackoff, Duration maxBackoff, Duration maxRetryAfter) {
        return new RetryPolicy(
                maxAttempts,
                initialBackoff,
                maxBackoff,
                maxRetryAfter,
                () -> java.util.concurrent.ThreadLocalRandom.current().nextDouble());
    }

    /** The wait before attempt {@code next} (2 for the first retry), or empty to stop retrying. */
    public Optional<Duration> delayBefore(int next, ModelException failure) {
        if (next > maxAttempts || !failure.retryable() || failure instanceof ModelException.MalformedOutput) {
            return Optional.empty();
        }
        if (GuardedProvider.refusedLocally(failure)) {
            return Optional.empty();
        }
        Optional<Duration> asked = failure.retryAfter();
        if (asked.isPresent()) {
            return asked.get().compareTo(maxRetryAfter) > 0 ? Optional.empty() : asked;
        }
        long exponential = initialBackoff.toMillis() << Math.min(30, next - 2);
        long capped = Math.min(maxBackoff.toMillis(), Math.max(0, exponential));
        long jittered = capped / 2 + Math.round(random.getAsDouble() * (capped - capped / 2));
        return Optional.of(Duration.ofMillis(jittered));
    }
}
