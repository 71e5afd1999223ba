package dev.quillstream.llm.routing;

import dev.quillstream.llm.TextModel;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.jspecify.annotations.Nullable;

/**
 * One provider of the chain: its name, its model behind retries and guards, and its circuit
 * breaker (absent for the offline model, which cannot fail).
 */
public record ProviderRoute(
        String name, TextModel model, @Nullable CircuitBreaker breaker) {

    /** Whether a call would be attempted now (its circuit is not open). */
    boolean available() {
        return breaker == null
                || breaker.getState() != CircuitBreaker.State.OPEN
                        && breaker.getState() != CircuitBreaker.State.FORCED_OPEN;
    }
}
