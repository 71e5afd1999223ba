package dev.quillstream.conversation.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quillstream.conversation.events.EventLog;
import dev.quillstream.conversation.events.InMemoryEventLog;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.springframework.web.socket.CloseStatus;
import tools.jackson.databind.json.JsonMapper;

class ConversationFeedTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String CONVERSATION = "c1";

    @Test
    void replaysAfterTheSeqThenGoesLiveWithNoGapAndNoDuplicateWhileEventsKeepComing() throws Exception {
        InMemoryEventLog log = new InMemoryEventLog(10_000);
        appendEvents(log, 50);
        FakeSession session = new FakeSession(false);
        ConversationFeed feed = givenAFeed(session, log, 20, 4096);
        Thread writer = Thread.ofPlatform().start(() -> appendEvents(log, 2_000));
        Thread reader = Thread.ofVirtual().start(feed::run);
        writer.join();
        session.awaitSeq(2_050, Duration.ofSeconds(20));
        feed.close();
        reader.join(5_000);
        assertThat(session.seqs())
                .containsExactlyElementsOf(
                        LongStream.rangeClosed(21, 2_050).boxed().toList());
    }

    @Test
    void anEventLostOnTheWayIsReadFromTheLogBeforeTheNextOne() throws Exception {
        InMemoryEventLog memory = new InMemoryEventLog(10_000);
        EventLog lossy = new LossyLog(memory, 7, 7, false); // seq 7 is lost live but kept in the log
        FakeSession session = feedWhileAppending(lossy, memory, 0, 10, 10);
        assertThat(session.seqs()).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L);
    }

    @Test
    void eventsLostOnTheWayThatTheLogNoLongerHoldsAreNamedAndTheFeedGoesOn() throws Exception {
        InMemoryEventLog memory = new InMemoryEventLog(10_000);
        EventLog forgetful = new LossyLog(memory, 4, 6, true);
        FakeSession session = feedWhileAppending(forgetful, memory, 0, 10, 10);
        assertThat(session.seqs()).containsExactly(1L, 2L, 3L, 7L, 8L, 9L, 10L);
        assertThat(session.errors()).singleElement().asString().contains("events 4 to 6 are no longer kept");
    }

    @Test
    void aReplayWhoseEventsWereAllTrimmedSaysSoAndThenGoesLive() throws Exception {
        InMemoryEventLog memory = new InMemoryEventLog(10_000);
        appendEvents(memory, 5);
        EventLog forgetful = new LossyLog(memory, 1, 5, true);
        FakeSession session = feedWhileAppending(forgetful, memory, 2, 2, 7);
        assertThat(session.seqs()).containsExactly(6L, 7L);
        assertThat(session.errors()).singleElement().asString().contains("events 3 to 5 are no longer kept");
    }

    @Test
    void liveEventsLostWithNoneAfterThemAreReadFromTheLogWhenTheLogSaysItMayHaveMissedSome() throws Exception {
        InMemoryEventLog memory = new InMemoryEventLog(10_000);
        EventLog lossy = new LossyLog(memory, 8, 10, false); // the last three never arrive live
        FakeSession session = new FakeSession(false);
        ConversationFeed feed = givenAFeed(session, lossy, 0, 4096);
        Thread reader = Thread.ofVirtual().start(feed::run);
        session.awaitOpenFeed();
        appendEvents(memory, 10);
        session.awaitSeq(7, Duration.ofSeconds(10));
        Thread.sleep(100);
        assertThat(session.seqs()).as("nothing shows the gap yet").containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L);

        feed.resync(); // as the Redis log does when its subscription is made again

        session.awaitSeq(10, Duration.ofSeconds(10));
        feed.close();
        reader.join(5_000);
        assertThat(session.seqs())
                .containsExactlyElementsOf(LongStream.rangeClosed(1, 10).boxed().toList());
        assertThat(session.errors()).isEmpty();
    }

    @Test
    void eventsThatArriveTogetherAreWrittenTogetherAndNoneIsLeftHeld() throws Exception {
        FakeSession session = new FakeSession(false);
        ConversationFeed feed = givenAFeed(session, new InMemoryEventLog(10), 0, 64);
        Thread.ofVirtual().start(feed::run);
        session.awaitOpenFeed();

        feed.acceptAll(List.of(event(1), event(2), event(3)));
        assertThat(session.held).as("all but the last held for it").containsExactly(true, true, false);
        assertThat(session.flushes.get()).isZero();

        feed.acceptAll(List.of(event(4), event(6))); // 6 does not follow 4: it waits for the writer
        assertThat(session.held).endsWith(true);
        assertThat(session.flushes.get())
                .as("4 was held, and nothing sent after it would write it")
                .isEqualTo(1);
        session.awaitSeq(6, Duration.ofSeconds(10));
        feed.close();
    }

    private static EventLog.LoggedEvent event(long seq) {
        return new EventLog.LoggedEvent(seq, "{\"seq\":" + seq + ",\"type\":\"token\"}");
    }

    @Test
    void aClientThatDoesNotReadIsToldAndDroppedWithoutSlowingTheWriter() throws Exception {
        InMemoryEventLog log = new InMemoryEventLog(100_000);
        FakeSession stuck = new FakeSession(true);
        ConversationFeed feed = givenAFeed(stuck, log, 0, 64);
        Thread.ofVirtual().start(feed::run);
        stuck.awaitOpenFeed();
        long started = System.nanoTime();
        appendEvents(log, 20_000);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        assertThat(stuck.closed.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(stuck.closeStatus.getCode()).isEqualTo(CloseStatus.POLICY_VIOLATION.getCode());
        assertThat(stuck.closeStatus.getReason()).contains("too slow", "?after=");
        assertThat(stuck.aborted).as("it never took the close frame either").isTrue();
    }

    @Test
    void aClientThatAnswersPingsStaysConnectedThroughABusyStreamAndTheQuietAfterIt() throws Exception {
        InMemoryEventLog log = new InMemoryEventLog(100_000);
        FakeSession session = new FakeSession(false);
        ConversationFeed feed =
                new ConversationFeed(session, CONVERSATION, 0, log, JSON, 4096, Duration.ofMillis(100), () -> {});
        session.onPing = feed::pong;
        Thread.ofVirtual().start(feed::run);
        session.awaitOpenFeed();
        long busyUntil = System.nanoTime() + Duration.ofMillis(600).toNanos();
        while (System.nanoTime() < busyUntil) { // six ping intervals of constant traffic
            appendEvents(log, 1);
            Thread.sleep(2);
        }
        Thread.sleep(500); // then five quiet ones

        assertThat(session.isOpen()).as("closed with %s", session.closeStatus).isTrue();
        assertThat(session.pings.get()).isGreaterThanOrEqualTo(5);
        feed.close();
    }

    @Test
    void aClientThatStopsAnsweringPingsIsClosedAfterTwoUnanswered() throws Exception {
        FakeSession session = new FakeSession(false);
        ConversationFeed feed = new ConversationFeed(
                session, CONVERSATION, 0, new InMemoryEventLog(10), JSON, 64, Duration.ofMillis(50), () -> {});
        Thread.ofVirtual().start(feed::run);

        assertThat(session.closed.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(session.closeStatus.getCode()).isEqualTo(CloseStatus.SESSION_NOT_RELIABLE.getCode());
        assertThat(session.pings.get()).isEqualTo(2);
    }

    @Test
    void theHeartbeatPingsEveryIntervalAndGivesUpAfterTwoPingsWithoutAPong() {
        long second = Duration.ofSeconds(1).toNanos();
        ConversationFeed.Heartbeat heartbeat = new ConversationFeed.Heartbeat(Duration.ofSeconds(1), 0);
        assertThat(heartbeat.due(second - 1)).isFalse();
        assertThat(heartbeat.untilDue(second / 4)).isEqualTo(3 * second / 4);
        assertThat(heartbeat.due(second)).isTrue();
        assertThat(heartbeat.ping(second, 0)).isTrue(); // the first ping: nothing to answer yet
        assertThat(heartbeat.due(second + 1)).isFalse();
        assertThat(heartbeat.ping(2 * second, second + 5)).isTrue(); // answered
        assertThat(heartbeat.ping(3 * second, second + 5)).isTrue(); // one unanswered
        assertThat(heartbeat.ping(4 * second, second + 5)).isFalse(); // two in a row
    }

    private static ConversationFeed givenAFeed(FakeSession session, EventLog log, long after, int buffer) {
        return new ConversationFeed(session, CONVERSATION, after, log, JSON, buffer, Duration.ofSeconds(30), () -> {});
    }

    /**
     * Runs a feed of {@code log} after {@code after}, appends {@code count} events to {@code memory}
     * once it is open, and stops it when {@code lastSeq} was sent.
     */
    private static FakeSession feedWhileAppending(
            EventLog log, InMemoryEventLog memory, long after, int count, long lastSeq) throws Exception {
        FakeSession session = new FakeSession(false);
        ConversationFeed feed = givenAFeed(session, log, after, 4096);
        Thread reader = Thread.ofVirtual().start(feed::run);
        session.awaitOpenFeed();
        appendEvents(memory, count);
        session.awaitSeq(lastSeq, Duration.ofSeconds(10));
        feed.close();
        reader.join(5_000);
        return session;
    }

    private static void appendEvents(EventLog log, int count) {
        for (int i = 0; i < count; i++) {
            log.append(CONVERSATION, "{\"type\":\"token\",\"content\":\"t" + i + "\"}");
        }
    }

    /**
     * Events {@code from}…{@code to} are not delivered live, as pub/sub may lose them; when {@code
     * trimmed} they are not in the log either, as if trimmed before anyone read them.
     */
    private record LossyLog(EventLog log, long from, long to, boolean trimmed) implements EventLog {
        @Override
        public CompletableFuture<Long> appendAsync(String conversationId, String body) {
            return log.appendAsync(conversationId, body);
        }

        @Override
        public List<LoggedEvent> range(String conversationId, long after, long until, int limit) {
            return log.range(conversationId, after, until, limit).stream()
                    .filter(e -> !trimmed || !lost(e))
                    .toList();
        }

        @Override
        public long lastSeq(String conversationId) {
            return log.lastSeq(conversationId);
        }

        @Override
        public AutoCloseable subscribe(String conversationId, Subscriber subscriber) {
            return log.subscribe(conversationId, e -> {
                if (!lost(e)) {
                    subscriber.accept(e);
                }
            });
        }

        @Override
        public void forget(String conversationId) {
            log.forget(conversationId);
        }

        private boolean lost(LoggedEvent event) {
            return event.seq() >= from && event.seq() <= to;
        }
    }

    /** A socket that records what is sent; a stuck one never completes a write, like a client that stopped reading. */
    private static final class FakeSession implements Outbound {
        final List<String> sent = new ArrayList<>();
        final CountDownLatch closed = new CountDownLatch(1);
        final boolean stuck;
        final AtomicInteger pings = new AtomicInteger();
        /** For each data frame sent: whether it was held for the next. */
        final List<Boolean> held = new java.util.concurrent.CopyOnWriteArrayList<>();

        final AtomicInteger flushes = new AtomicInteger();
        volatile Runnable onPing = () -> {};
        volatile CloseStatus closeStatus;
        volatile boolean aborted;

        FakeSession(boolean stuck) {
            this.stuck = stuck;
        }

        synchronized List<Long> seqs() {
            return sent.stream()
                    .map(JSON::readTree)
                    .filter(n -> !n.path("seq").isNull())
                    .map(n -> n.path("seq").asLong())
                    .toList();
        }

        synchronized List<String> errors() {
            return sent.stream()
                    .map(JSON::readTree)
                    .filter(n -> n.path("type").asString().equals("error"))
                    .map(n -> n.path("content").asString())
                    .toList();
        }

        void awaitSeq(long seq, Duration timeout) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline) {
                List<Long> seqs = seqs();
                if (!seqs.isEmpty() && seqs.getLast() >= seq) {
                    return;
                }
                Thread.sleep(10);
            }
            throw new AssertionError("seq " + seq + " not sent; sent " + seqs().size());
        }

        /** Waits until the feed has subscribed (it subscribes before it reads the log). */
        void awaitOpenFeed() throws InterruptedException {
            Thread.sleep(200);
        }

        @Override
        public void send(ByteBuffer utf8, boolean more, Runnable done) {
            if (stuck) {
                return; // never written
            }
            String text = StandardCharsets.UTF_8.decode(utf8.duplicate()).toString();
            synchronized (this) {
                sent.add(text);
            }
            held.add(more);
            done.run();
        }

        @Override
        public void flush() {
            flushes.incrementAndGet();
        }

        @Override
        public void ping() {
            pings.incrementAndGet();
            onPing.run();
        }

        @Override
        public boolean isOpen() {
            return closed.getCount() > 0;
        }

        @Override
        public void close(CloseStatus status) {
            if (closeStatus == null) {
                closeStatus = status;
            }
            if (!stuck) {
                closed.countDown();
            }
        }

        @Override
        public void abort() {
            aborted = true;
            closed.countDown();
        }
    }
}
