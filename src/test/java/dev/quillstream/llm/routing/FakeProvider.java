package dev.quillstream.llm.routing;

import dev.quillstream.llm.ModelException;
import dev.quillstream.llm.ModelReply;
import dev.quillstream.llm.ModelRequest;
import dev.quillstream.llm.ModelTier;
import dev.quillstream.llm.TextModel;
import dev.quillstream.llm.TokenListener;
import dev.quillstream.llm.TokenUsage;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * A provider whose next answers a test queues: a text, or a failure (optionally after streaming
 * some words). When the queue is empty it answers {@code "<name> answer"}. Counts its calls.
 */
class FakeProvider implements TextModel {

    private final String name;
    private final Deque<Supplier<Outcome>> script = new ArrayDeque<>();
    final AtomicInteger calls = new AtomicInteger();

    FakeProvider(String name) {
        this.name = name;
    }

    FakeProvider failing(Supplier<ModelException> failure) {
        script.add(() -> new Outcome(null, failure.get(), ""));
        return this;
    }

    FakeProvider failingAfter(String streamed, Supplier<ModelException> failure) {
        script.add(() -> new Outcome(null, failure.get(), streamed));
        return this;
    }

    FakeProvider answering(String text) {
        script.add(() -> new Outcome(text, null, ""));
        return this;
    }

    static ModelException.Overloaded overloaded(String provider) {
        return new ModelException.Overloaded(provider, "overloaded", null);
    }

    static ModelException.RateLimited rateLimited(String provider, Duration retryAfter) {
        return new ModelException.RateLimited(provider, "slow down", retryAfter, null);
    }

    @Override
    public String provider() {
        return name;
    }

    @Override
    public String modelName(ModelTier tier) {
        return name + "-" + tier.name().toLowerCase(java.util.Locale.ROOT);
    }

    @Override
    public ModelReply complete(ModelRequest request) {
        return stream(request, TokenListener.IGNORE);
    }

    @Override
    public synchronized ModelReply stream(ModelRequest request, TokenListener listener) {
        calls.incrementAndGet();
        Supplier<Outcome> next = script.poll();
        Outcome outcome = next == null ? new Outcome(name + " answer", null, "") : next.get();
        for (String word : outcome.streamedBeforeFailure().split("(?<= )")) {
            if (!word.isEmpty()) {
                listener.onDelta(word);
            }
        }
        if (outcome.failure() != null) {
            throw outcome.failure();
        }
        for (String word : outcome.text().split("(?<= )")) {
            listener.onDelta(word);
        }
        return new ModelReply(outcome.text(), new TokenUsage(1000, 500), name, modelName(request.tier()), false);
    }

    private record Outcome(String text, ModelException failure, String streamedBeforeFailure) {}
}
