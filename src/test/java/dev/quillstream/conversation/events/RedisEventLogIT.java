package dev.quillstream.conversation.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

/** The Redis event log against the Redis of the development machine (127.0.0.1:6379). */
class RedisEventLogIT {

    private static final String CONVERSATION = "c1";
    private static final Duration REPLAY_TTL = Duration.ofHours(2);

    private final LettuceConnectionFactory connections =
            new LettuceConnectionFactory(new RedisStandaloneConfiguration("127.0.0.1", 6379));
    private final String prefix = "test:" + UUID.randomUUID() + ":";
    private RedisEventLog log;

    @AfterEach
    void close() {
        log.forget(CONVERSATION);
        log.close();
        connections.destroy();
    }

    @Test
    void eventsAppendedInARowKeepTheirOrderInSeqLogAndLocalDelivery() throws Exception {
        givenALog();
        List<Long> delivered = new ArrayList<>();
        List<String> wrong = new ArrayList<>();
        log.subscribe(CONVERSATION, event -> {
            synchronized (delivered) {
                delivered.add(event.seq());
                if (!event.json().equals("{\"seq\":" + event.seq() + ",\"n\":" + event.seq() + "}")) {
                    wrong.add(event.json());
                }
            }
        });

        for (int n = 1; n <= 2_000; n++) {
            log.append(CONVERSATION, "{\"n\":" + n + "}");
        }
        long last = log.append(CONVERSATION, "{\"n\":2001}");

        assertThat(last).isEqualTo(2_001);
        List<EventLog.LoggedEvent> logged = log.range(CONVERSATION, 0, last, 5_000);
        assertThat(logged).extracting(EventLog.LoggedEvent::seq).containsExactlyElementsOf(oneTo(2_001));
        assertThat(logged).allMatch(e -> e.json().equals("{\"seq\":" + e.seq() + ",\"n\":" + e.seq() + "}"));
        // The local copy and the published copy both arrive; taking each seq the first time it is
        // seen must give 1, 2, 3... with no gap, as a socket does.
        waitUntilDelivered(delivered, last);
        synchronized (delivered) {
            assertThat(firstSeen(delivered)).containsExactlyElementsOf(oneTo(2_001));
            assertThat(wrong).isEmpty();
        }
    }

    @Test
    void aSecondNodeGetsEveryEventThroughPubSubInOrder() throws Exception {
        givenALog();
        RedisEventLog otherNode = new RedisEventLog(
                new StringRedisTemplate(connections), connections, prefix, 20_000, Duration.ofDays(1), REPLAY_TTL);
        List<Long> delivered = new ArrayList<>();
        otherNode.subscribe(CONVERSATION, event -> {
            synchronized (delivered) {
                delivered.add(event.seq());
            }
        });
        Thread.sleep(200); // the pattern subscription is made asynchronously

        for (int n = 1; n <= 500; n++) {
            log.append(CONVERSATION, "{\"n\":" + n + "}");
        }
        long last = log.append(CONVERSATION, "{\"n\":501}");

        waitUntilDelivered(delivered, last);
        otherNode.close();
        synchronized (delivered) {
            assertThat(delivered).containsExactlyElementsOf(oneTo(501));
        }
    }

    @Test
    void theReplayExpiresAfterItsTtlWhileTheSeqCounterLivesAsLongAsTheConversation() {
        givenALog();
        log.append(CONVERSATION, "{\"n\":1}");
        StringRedisTemplate redis = new StringRedisTemplate(connections);
        String keys = prefix + "conversation:" + CONVERSATION + ":";
        Long events = redis.getExpire(keys + "events", java.util.concurrent.TimeUnit.MILLISECONDS);
        Long seq = redis.getExpire(keys + "seq", java.util.concurrent.TimeUnit.MILLISECONDS);
        assertThat(events).isPositive().isLessThanOrEqualTo(REPLAY_TTL.toMillis());
        assertThat(seq)
                .isGreaterThan(REPLAY_TTL.toMillis())
                .isLessThanOrEqualTo(Duration.ofDays(1).toMillis());

        redis.delete(keys + "events"); // as when it expires
        assertThat(log.range(CONVERSATION, 0, 10, 10)).isEmpty();
        assertThat(log.append(CONVERSATION, "{\"n\":2}")).as("seq goes on").isEqualTo(2);
    }

    private void givenALog() {
        connections.afterPropertiesSet();
        log = new RedisEventLog(
                new StringRedisTemplate(connections), connections, prefix, 20_000, Duration.ofDays(1), REPLAY_TTL);
    }

    private static List<Long> oneTo(long last) {
        return LongStream.rangeClosed(1, last).boxed().toList();
    }

    private static List<Long> firstSeen(List<Long> seqs) {
        List<Long> first = new ArrayList<>();
        long highest = 0;
        for (long seq : seqs) {
            if (seq > highest) {
                first.add(seq);
                highest = seq;
            }
        }
        return first;
    }

    private static void waitUntilDelivered(List<Long> delivered, long last) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            synchronized (delivered) {
                if (delivered.contains(last)) {
                    return;
                }
            }
            Thread.sleep(20);
        }
    }
}
