package dev.quillstream.conversation.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class PendingTest {

    @Test
    void aWaitingDeltaTakesTheNextOfItsStreamUntilItIsTakenAndEveryPartGetsItsSeq() {
        Pending pending = Pending.of("c", new Words("a", "one").body(), new Words("a", "one"));
        CompletableFuture<Long> second = new CompletableFuture<>();
        CompletableFuture<Long> other = new CompletableFuture<>();

        assertThat(pending.join(new Words("a", " two"), second)).isTrue();
        assertThat(pending.join(new Words("b", " elsewhere"), other))
                .as("another stream")
                .isFalse();
        assertThat(new String(pending.seal(), StandardCharsets.UTF_8)).isEqualTo("a:one two");
        assertThat(pending.join(new Words("a", " three"), new CompletableFuture<>()))
                .as("taken: too late")
                .isFalse();

        pending.seq().complete(7L);
        assertThat(second).isCompletedWithValue(7L);
        assertThat(other).isNotDone();
    }

    @Test
    void aFailedAppendFailsEveryDeltaJoinedToIt() {
        Pending pending = Pending.of("c", "a:one", new Words("a", "one"));
        CompletableFuture<Long> second = new CompletableFuture<>();
        pending.join(new Words("a", " two"), second);

        pending.seq().completeExceptionally(new IllegalStateException("Redis is down"));

        assertThat(second).isCompletedExceptionally();
    }

    @Test
    void anEventThatIsNoDeltaJoinsNothing() {
        Pending pending = Pending.of("c", "{\"type\":\"progress\"}", null);
        assertThat(pending.stream()).isNull();
        assertThat(pending.join(new Words("a", "x"), new CompletableFuture<>())).isFalse();
    }

    private record Words(String stream, String text) implements EventLog.Delta {
        @Override
        public String body() {
            return stream + ":" + text;
        }

        @Override
        public EventLog.Delta followedBy(EventLog.Delta next) {
            return next instanceof Words other && other.stream.equals(stream)
                    ? new Words(stream, text + other.text)
                    : null;
        }
    }
}
