package dev.quillstream.llm.metering;

import dev.quillstream.llm.ForwardingTextModel;
import dev.quillstream.llm.ModelException;
import dev.quillstream.llm.ModelReply;
import dev.quillstream.llm.ModelRequest;
import dev.quillstream.llm.ModelTier;
import dev.quillstream.llm.TextModel;
import dev.quillstream.llm.TokenListener;
import dev.quillstream.llm.TokenUsage;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records every call to one provider, successful or not: provider, model, tokens, latency and cost
 * as Micrometer meters ({@code quillstream.llm.calls}, {@code .call.duration}, {@code .tokens},
 * {@code .cost}) and a log line, and prices the reply from the {@link PriceTable}. It sits right
 * around the adapter, so each retry attempt is a call of its own.
 */
public final class MeteredProvider extends ForwardingTextModel {

    private static final Logger log = LoggerFactory.getLogger(MeteredProvider.class);

    private final PriceTable prices;
    private final MeterRegistry registry;

    public MeteredProvider(TextModel delegate, PriceTable prices, MeterRegistry registry) {
        super(delegate);
        this.prices = prices;
        this.registry = registry;
    }

    @Override
    public double estimateCostUsd(ModelTier tier, TokenUsage expected) {
        String model = modelName(tier);
        return prices.cost(provider(), model, model, expected);
    }

    @Override
    public ModelReply complete(ModelRequest request) {
        return metered(request, () -> delegate.complete(request));
    }

    @Override
    public ModelReply stream(ModelRequest request, TokenListener listener) {
        return metered(request, () -> delegate.stream(request, listener));
    }

    private ModelReply metered(ModelRequest request, Supplier<ModelReply> call) {
        String requested = delegate.modelName(request.tier());
        long started = System.nanoTime();
        ModelReply reply;
        try {
            reply = call.get();
        } catch (ModelException failure) {
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            String outcome = failure.getClass().getSimpleName();
            count(requested, outcome, took);
            log.debug("llm call {} {} failed after {} ms: {}", provider(), requested, took.toMillis(), outcome);
            throw failure;
        }
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        double cost = prices.cost(provider(), requested, reply.model(), reply.usage());
        count(requested, "success", took);
        Counter.builder("quillstream.llm.tokens")
                .description("Tokens the provider counted")
                .tags("provider", provider(), "model", requested, "kind", "prompt")
                .register(registry)
                .increment(reply.usage().promptTokens());
        Counter.builder("quillstream.llm.tokens")
                .description("Tokens the provider counted")
                .tags("provider", provider(), "model", requested, "kind", "completion")
                .register(registry)
                .increment(reply.usage().completionTokens());
        Counter.builder("quillstream.llm.cost")
                .description("What the calls cost at the configured prices")
                .baseUnit("usd")
                .tags("provider", provider(), "model", requested)
                .register(registry)
                .increment(cost);
        log.debug(
                "llm call {} {} ({}): {} prompt + {} completion tokens in {} ms, ${}",
                provider(),
                requested,
                reply.model(),
                reply.usage().promptTokens(),
                reply.usage().completionTokens(),
                took.toMillis(),
                String.format(java.util.Locale.ROOT, "%.6f", cost));
        return reply.withCost(cost);
    }

    private void count(String model, String outcome, Duration took) {
        Counter.builder("quillstream.llm.calls")
                .description("Calls made to a model provider, by outcome")
                .tags("provider", provider(), "model", model, "outcome", outcome)
                .register(registry)
                .increment();
        Timer.builder("quillstream.llm.call.duration")
                .description("How long provider calls took, streams included")
                .tags(
                        "provider",
                        provider(),
                        "model",
                        model,
                        "outcome",
                        outcome.equals("success") ? "success" : "failure")
                .register(registry)
                .record(took);
    }
}
