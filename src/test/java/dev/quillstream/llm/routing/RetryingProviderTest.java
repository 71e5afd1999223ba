package dev.quillstream.llm.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quillstream.llm.ChatMessage;
import dev.quillstream.llm.ModelException;
import dev.quillstream.llm.ModelRequest;
import dev.quillstream.llm.ModelTier;
import dev.quillstream.llm.TokenListener;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class RetryingProviderTest {

    private static final ModelRequest HELLO = ModelRequest.of(ModelTier.SMART, List.of(ChatMessage.user("Hello")));

    private final List<Duration> waits = new ArrayList<>();
    private final Sleeper recording = waits::add;

    /** Backoff 1 s doubling up to 8 s; Retry-After honoured up to 60 s; jitter fixed at its middle. */
    private RetryingProvider retrying(FakeProvider provider, int attempts) {
        return new RetryingProvider(
                provider,
                new RetryPolicy(
                        attempts, Duration.ofSeconds(1), Duration.ofSeconds(8), Duration.ofSeconds(60), () -> 0.5),
                recording);
    }

    @Test
    void retryHonoursRetryAfterExactly() {
        FakeProvider provider = new FakeProvider("p")
                .failing(() -> FakeProvider.rateLimited("p", Duration.ofSeconds(20)))
                .answering("done");

        assertThat(retrying(provider, 3).complete(HELLO).text()).isEqualTo("done");

        assertThat(provider.calls).hasValue(2);
        assertThat(waits).containsExactly(Duration.ofSeconds(20));
    }

    @Test
    void withoutRetryAfterTheWaitGrowsExponentiallyWithJitterAndIsCapped() {
        FakeProvider provider = new FakeProvider("p");
        for (int i = 0; i < 5; i++) {
            provider.failing(() -> FakeProvider.overloaded("p"));
        }
        provider.answering("done");

        retrying(provider, 6).complete(HELLO);

        // equal jitter at 0.5: 3/4 of 1, 2, 4, 8, 8 (capped) seconds
        assertThat(waits)
                .containsExactly(
                        Duration.ofMillis(750),
                        Duration.ofMillis(1500),
                        Duration.ofMillis(3000),
                        Duration.ofMillis(6000),
                        Duration.ofMillis(6000));
    }

    @Test
    void jitterSpreadsTheWaitBetweenHalfAndAllOfTheBackoff() {
        RetryPolicy low =
                new RetryPolicy(3, Duration.ofSeconds(4), Duration.ofSeconds(30), Duration.ofMinutes(1), () -> 0);
        RetryPolicy high =
                new RetryPolicy(3, Duration.ofSeconds(4), Duration.ofSeconds(30), Duration.ofMinutes(1), () -> 1);
        assertThat(low.delayBefore(2, FakeProvider.overloaded("p"))).contains(Duration.ofSeconds(2));
        assertThat(high.delayBefore(2, FakeProvider.overloaded("p"))).contains(Duration.ofSeconds(4));
    }

    @Test
    void givesUpAfterMaxAttemptsWithTheLastFailure() {
        FakeProvider provider = new FakeProvider("p");
        for (int i = 0; i < 3; i++) {
            provider.failing(() -> FakeProvider.overloaded("p"));
        }
        assertThatThrownBy(() -> retrying(provider, 3).complete(HELLO)).isInstanceOf(ModelException.Overloaded.class);
        assertThat(provider.calls).hasValue(3);
        assertThat(waits).hasSize(2);
    }

    @Test
    void aRetryAfterLongerThanTheLimitIsNotWaitedFor() {
        FakeProvider provider =
                new FakeProvider("p").failing(() -> FakeProvider.rateLimited("p", Duration.ofMinutes(5)));
        assertThatThrownBy(() -> retrying(provider, 3).complete(HELLO)).isInstanceOf(ModelException.RateLimited.class);
        assertThat(provider.calls).hasValue(1);
        assertThat(waits).isEmpty();
    }

    @Test
    void nonRetryableFailuresAreNotRetried() {
        FakeProvider provider =
                new FakeProvider("p").failing(() -> new ModelException.Unauthenticated("p", "bad key", null));
        assertThatThrownBy(() -> retrying(provider, 3).complete(HELLO))
                .isInstanceOf(ModelException.Unauthenticated.class);
        assertThat(provider.calls).hasValue(1);
    }

    @Test
    void aRetriedStreamRestartsItsListenerSoNoTokenIsDuplicated() {
        FakeProvider provider = new FakeProvider("p")
                .failingAfter("Half an ", () -> FakeProvider.overloaded("p"))
                .answering("A whole answer");
        List<String> events = new CopyOnWriteArrayList<>();
        TokenListener listener = new TokenListener() {
            @Override
            public void onDelta(String delta) {
                events.add(delta);
            }

            @Override
            public void onRestart() {
                events.add("<restart>");
            }
        };

        var reply = retrying(provider, 3).stream(HELLO, listener);

        assertThat(events).containsExactly("Half ", "an ", "<restart>", "A ", "whole ", "answer");
        assertThat(String.join("", events.subList(events.lastIndexOf("<restart>") + 1, events.size())))
                .isEqualTo(reply.text());
    }

    @Test
    void aStreamThatFailedBeforeItsFirstDeltaIsRetriedWithoutARestart() {
        FakeProvider provider = new FakeProvider("p")
                .failing(() -> FakeProvider.overloaded("p"))
                .answering("fine");
        List<String> events = new CopyOnWriteArrayList<>();
        retrying(provider, 3).stream(HELLO, new TokenListener() {
            @Override
            public void onDelta(String delta) {
                events.add(delta);
            }

            @Override
            public void onRestart() {
                events.add("<restart>");
            }
        });
        assertThat(events).containsExactly("fine");
    }
}
