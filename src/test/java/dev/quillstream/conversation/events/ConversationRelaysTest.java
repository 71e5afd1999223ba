package dev.quillstream.conversation.events;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quillstream.conversation.events.EventLog.LoggedEvent;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class ConversationRelaysTest {

    @Test
    void eachConversationsEventsReachItsSubscribersInOrderOnceAndOneRelayAtATime() throws Exception {
        Subscribers subscribers = new Subscribers();
        ConversationRelays relays = new ConversationRelays(subscribers, new EventLogMetrics(new SimpleMeterRegistry()));
        List<String> conversations = List.of("a", "b", "c");
        Map<String, List<Long>> received = new ConcurrentHashMap<>();
        Map<String, AtomicInteger> inside = new ConcurrentHashMap<>();
        AtomicBoolean overlapped = new AtomicBoolean();
        AtomicBoolean onAPlatformThread = new AtomicBoolean();
        for (String id : conversations) {
            received.put(id, new CopyOnWriteArrayList<>());
            inside.put(id, new AtomicInteger());
            subscribers.add(id, event -> {
                if (inside.get(id).incrementAndGet() > 1) {
                    overlapped.set(true);
                }
                onAPlatformThread.compareAndSet(false, !Thread.currentThread().isVirtual());
                received.get(id).add(event.seq());
                inside.get(id).decrementAndGet();
            });
        }

        // As the subscription's thread hands batches over: 1 to 7 events of a conversation at a time.
        long[] next = {1, 1, 1};
        int events = 6_000;
        for (int round = 0; next[0] <= events || next[1] <= events || next[2] <= events; round++) {
            for (int c = 0; c < conversations.size(); c++) {
                List<LoggedEvent> batch = new ArrayList<>();
                for (int i = 0; i < 1 + (round + c) % 7 && next[c] <= events; i++) {
                    batch.add(LoggedEvent.of(next[c]++, "{}"));
                }
                if (!batch.isEmpty()) {
                    relays.deliver(conversations.get(c), batch);
                }
            }
        }

        awaitAll(received, events, Duration.ofSeconds(20));
        List<Long> expected = LongStream.rangeClosed(1, events).boxed().toList();
        for (String id : conversations) {
            assertThat(received.get(id)).as(id).containsExactlyElementsOf(expected);
        }
        assertThat(overlapped).as("two relays of one conversation at once").isFalse();
        assertThat(onAPlatformThread).as("delivered on a platform thread").isFalse();
    }

    @Test
    void onlyConversationsWithSubscribersOnThisNodeAreWanted() throws Exception {
        Subscribers subscribers = new Subscribers();
        ConversationRelays relays = new ConversationRelays(subscribers, new EventLogMetrics(new SimpleMeterRegistry()));
        AutoCloseable subscription = subscribers.add("a", event -> {});
        assertThat(relays.wanted("a")).isTrue();
        assertThat(relays.wanted("b")).isFalse();
        subscription.close();
        assertThat(relays.wanted("a")).isFalse();
    }

    private static void awaitAll(Map<String, List<Long>> received, int count, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (received.values().stream().anyMatch(seqs -> seqs.size() < count) && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
    }
}
