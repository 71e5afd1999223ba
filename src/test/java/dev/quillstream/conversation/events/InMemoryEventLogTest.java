package dev.quillstream.conversation.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quillstream.conversation.events.EventLog.LoggedEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

class InMemoryEventLogTest {

    private static final String BODY = "{\"type\":\"token\",\"content\":\"0123456789\"}";

    /** About what one event below takes (its seq's digits make a few bytes of difference). */
    private static final long EVENT_BYTES = LoggedEvent.of(1, BODY).size() + InMemoryEventLog.OVERHEAD_BYTES;

    @Test
    void givesEachConversationItsOwnSeqAndDeliversInSeqOrder() throws Exception {
        InMemoryEventLog log = new InMemoryEventLog(100);
        List<Long> delivered = new ArrayList<>();
        try (AutoCloseable subscription = log.subscribe("a", event -> delivered.add(event.seq()))) {
            append(log, "a", 3);
            append(log, "b", 2);
        }
        append(log, "a", 1);
        assertThat(delivered).containsExactly(1L, 2L, 3L);
        assertThat(log.lastSeq("a")).isEqualTo(4);
        assertThat(log.lastSeq("b")).isEqualTo(2);
        assertThat(seqs(log, "a", 1)).containsExactly(2L, 3L, 4L);
    }

    @Test
    void keepsTheLastCapacityEventsOfAConversation() {
        InMemoryEventLog log = new InMemoryEventLog(5);
        append(log, "a", 12);
        assertThat(seqs(log, "a", 0)).containsExactly(8L, 9L, 10L, 11L, 12L);
        assertThat(log.bytesKept()).isEqualTo(bytesOf(log, "a"));
    }

    @Test
    void overItsMemoryBudgetDropsTheOldestEventsOfTheQuietestConversationsFirst() {
        InMemoryEventLog log = new InMemoryEventLog(1_000, 100 * EVENT_BYTES);
        append(log, "quiet", 40);
        append(log, "busy", 40);
        append(log, "busiest", 30); // 110 events: over the budget at the 101st, trimmed to 90

        await(() -> log.bytesKept() <= 100 * EVENT_BYTES);
        assertThat(log.bytesKept()).isEqualTo(bytesOf(log, "quiet", "busy", "busiest"));
        List<Long> quiet = seqs(log, "quiet", 0);
        assertThat(quiet).hasSizeBetween(15, 30).endsWith(40L);
        assertThat(quiet).containsExactlyElementsOf(range(quiet.getFirst(), 40));
        assertThat(seqs(log, "busy", 0)).containsExactlyElementsOf(range(1, 40));
        assertThat(seqs(log, "busiest", 0)).containsExactlyElementsOf(range(1, 30));
        assertThat(log.lastSeq("quiet")).isEqualTo(40);
        assertThat(log.append("quiet", BODY)).as("seq goes on after a trim").isEqualTo(41);
    }

    @Test
    void aConversationAloneOverTheBudgetKeepsItsNewestEvents() {
        InMemoryEventLog log = new InMemoryEventLog(1_000, 50 * EVENT_BYTES);
        append(log, "a", 200);
        await(() -> log.bytesKept() <= 50 * EVENT_BYTES);
        List<Long> kept = seqs(log, "a", 0);
        assertThat(kept).isNotEmpty().endsWith(200L);
        assertThat(kept).hasSizeBetween(40, 50);
        assertThat(log.bytesKept()).isEqualTo(bytesOf(log, "a"));
        assertThat(kept).containsExactlyElementsOf(range(kept.getFirst(), 200));
    }

    @Test
    void forgettingAConversationFreesItsMemoryAndStartsItsSeqAgain() {
        InMemoryEventLog log = new InMemoryEventLog(1_000, 1_000 * EVENT_BYTES);
        append(log, "a", 10);
        append(log, "b", 5);
        log.forget("a");
        assertThat(log.bytesKept()).isEqualTo(bytesOf(log, "b"));
        assertThat(log.lastSeq("a")).isZero();
        assertThat(log.range("a", 0, Long.MAX_VALUE, 100)).isEmpty();
        assertThat(log.append("a", BODY)).isEqualTo(1);
    }

    @Test
    void aBudgetOrCapacityBelowOneIsRefused() {
        assertThatThrownBy(() -> new InMemoryEventLog(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new InMemoryEventLog(10, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    private static void append(EventLog log, String conversation, int count) {
        for (int i = 0; i < count; i++) {
            log.append(conversation, BODY);
        }
    }

    private static List<Long> seqs(EventLog log, String conversation, long after) {
        return log.range(conversation, after, Long.MAX_VALUE, 10_000).stream()
                .map(LoggedEvent::seq)
                .toList();
    }

    /** What the conversations' kept events take, counted the log's way. */
    private static long bytesOf(EventLog log, String... conversations) {
        long bytes = 0;
        for (String conversation : conversations) {
            for (LoggedEvent event : log.range(conversation, 0, Long.MAX_VALUE, 10_000)) {
                bytes += event.json().length() + InMemoryEventLog.OVERHEAD_BYTES;
            }
        }
        return bytes;
    }

    private static List<Long> range(long from, long to) {
        return java.util.stream.LongStream.rangeClosed(from, to).boxed().toList();
    }

    /** The trim runs on its own thread; this waits for it (it takes microseconds). */
    private static void await(BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not reached in 10 s");
            }
            Thread.onSpinWait();
        }
    }
}
