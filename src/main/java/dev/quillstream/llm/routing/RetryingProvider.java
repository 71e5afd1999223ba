package dev.quillstream.llm.routing;

import dev.quillstream.llm.ForwardingTextModel;
import dev.quillstream.llm.ModelException;
import dev.quillstream.llm.ModelReply;
import dev.quillstream.llm.ModelRequest;
import dev.quillstream.llm.TextModel;
import dev.quillstream.llm.TokenListener;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calls one provider again after a retryable failure, as {@link RetryPolicy} says. Written here
 * rather than with Resilience4j's Retry because a retried stream must first tell its listener to
 * restart, and Resilience4j sleeps through a single JVM-wide function that tests cannot replace.
 */
public final class RetryingProvider extends ForwardingTextModel {

    private static final Logger log = LoggerFactory.getLogger(RetryingProvider.class);

    private final RetryPolicy policy;
    private final Sleeper sleeper;

    public RetryingProvider(TextModel delegate, RetryPolicy policy, Sleeper sleeper) {
        super(delegate);
        this.policy = policy;
        this.sleeper = sleeper;
    }

    @Override
    public ModelReply complete(ModelRequest request) {
        return retrying(() -> delegate.complete(request), () -> {});
    }

    @Override
    public ModelReply stream(ModelRequest request, TokenListener listener) {
        RestartingListener restarting = RestartingListener.of(listener);
        return retrying(() -> delegate.stream(request, restarting), restarting::beginAttempt);
    }

    private ModelReply retrying(Supplier<ModelReply> call, Runnable beforeAttempt) {
        for (int attempt = 1; ; attempt++) {
            beforeAttempt.run();
            try {
                return call.get();
            } catch (ModelException failure) {
                Optional<Duration> wait = policy.delayBefore(attempt + 1, failure);
                if (wait.isEmpty() || Thread.currentThread().isInterrupted()) {
                    // Interrupted: the work this call was for has been cancelled (a failed sibling, a budget stop).
                    throw failure;
                }
                log.info(
                        "{} failed ({}), attempt {} of {}; retrying in {} ms",
                        provider(),
                        failure.getClass().getSimpleName(),
                        attempt,
                        policy.maxAttempts(),
                        wait.get().toMillis());
                try {
                    sleeper.sleep(wait.get());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw failure;
                }
            }
        }
    }
}
