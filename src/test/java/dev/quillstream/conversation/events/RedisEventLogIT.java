package dev.quillstream.conversation.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lettuce.core.RedisURI;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.DefaultClientResources;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

/** The Redis event log against the Redis of the development machine (127.0.0.1:6379). */
class RedisEventLogIT {

    private static final String CONVERSATION = "c1";
    private static final Duration REPLAY_TTL = Duration.ofHours(2);
    private static final RedisBatchAppender.Limits LIMITS =
            new RedisBatchAppender.Limits(8, 50_000, Duration.ofSeconds(10));
    private static final RedisURI REDIS = RedisURI.create("redis://127.0.0.1:6379/0");

    /** Names this test's connections, so that killing one cannot touch anybody else's. */
    private final String clientName = "event-log-it-" + UUID.randomUUID();

    private final ClientResources resources = DefaultClientResources.create();
    private final LettuceConnectionFactory connections = new LettuceConnectionFactory(
            new RedisStandaloneConfiguration("127.0.0.1", 6379),
            LettuceClientConfiguration.builder()
                    .clientResources(resources)
                    .clientName(clientName)
                    .build());
    private final String prefix = "test:" + UUID.randomUUID() + ":";
    private final List<RedisEventLog> logs = new ArrayList<>();
    private final SimpleMeterRegistry metrics = new SimpleMeterRegistry();
    private StringRedisTemplate redis;

    @AfterEach
    void close() {
        for (RedisEventLog log : logs) {
            log.close();
        }
        redis.delete(redis.keys(prefix + "*"));
        connections.destroy();
        resources.shutdown();
    }

    @Test
    void eventsAppendedInARowKeepTheirOrderInSeqLogAndDeliveryAndEachIsDeliveredOnce() throws Exception {
        RedisEventLog log = givenANode();
        List<EventLog.LoggedEvent> delivered = subscribed(log, CONVERSATION);

        for (int n = 1; n <= 2_000; n++) {
            log.append(CONVERSATION, "{\"n\":" + n + "}");
        }
        long last = log.append(CONVERSATION, "{\"n\":2001}");

        assertThat(last).isEqualTo(2_001);
        List<EventLog.LoggedEvent> logged = log.range(CONVERSATION, 0, last, 5_000);
        assertThat(logged).extracting(EventLog.LoggedEvent::seq).containsExactlyElementsOf(oneTo(2_001));
        assertThat(logged).allMatch(e -> e.json().equals("{\"seq\":" + e.seq() + ",\"n\":" + e.seq() + "}"));
        awaitSize(delivered, 2_001);
        // One path for this node's events and the others': each arrives once, as logged.
        synchronized (delivered) {
            assertThat(delivered).containsExactlyElementsOf(logged);
        }
    }

    @Test
    void theAppendsAndTheRelaysWaitAreMeasured() throws Exception {
        RedisEventLog log = givenANode();
        List<EventLog.LoggedEvent> delivered = subscribed(log, CONVERSATION);

        List<CompletableFuture<Long>> appends = new ArrayList<>();
        for (int n = 1; n <= 500; n++) {
            appends.add(log.appendAsync(CONVERSATION, "{\"n\":" + n + "}"));
        }
        CompletableFuture.allOf(appends.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);
        awaitSize(delivered, 500);

        assertThat(metrics.get("quillstream.events.append").timer().count()).isEqualTo(500);
        assertThat(metrics.get("quillstream.events.append").timer().max(TimeUnit.NANOSECONDS))
                .isPositive();
        assertThat(metrics.get("quillstream.events.append.batch").summary().totalAmount())
                .isEqualTo(500);
        assertThat(metrics.get("quillstream.events.append.batch").summary().count())
                .as("script calls: fewer than events, as they are batched")
                .isBetween(1L, 499L);
        awaitTrue(() -> metrics.get("quillstream.events.relay.wait").timer().count() >= 1);
        assertThat(metrics.get("quillstream.events.relay.wait").timer().count())
                .as("one per relay's take, several events each")
                .isLessThanOrEqualTo(500);
    }

    @Test
    void deltasThatWaitTogetherAreJoinedPerStreamInOrderAndNothingIsJoinedAcrossAnotherEvent() throws Exception {
        RedisEventLog log = givenANode();
        List<EventLog.LoggedEvent> delivered = subscribed(log, CONVERSATION);

        // Faster than Redis answers: most deltas wait for a batch, behind others of theirs. Two
        // streams interleaved (as a job's sections written in parallel), another event halfway.
        List<CompletableFuture<Long>> appends = new ArrayList<>();
        Map<String, StringBuilder> before = Map.of("a", new StringBuilder(), "b", new StringBuilder());
        Map<String, StringBuilder> after = Map.of("a", new StringBuilder(), "b", new StringBuilder());
        for (int n = 0; n < 3_000; n++) {
            String stream = n % 2 == 0 ? "a" : "b";
            String word = "w" + n + " ";
            (n < 1_500 ? before : after).get(stream).append(word);
            appends.add(log.appendDelta(CONVERSATION, new Text(stream, word)));
            if (n == 1_499) {
                appends.add(log.appendAsync(CONVERSATION, "{\"type\":\"progress\"}"));
            }
        }
        CompletableFuture.allOf(appends.toArray(CompletableFuture[]::new)).get(20, TimeUnit.SECONDS);

        long last = log.lastSeq(CONVERSATION);
        List<EventLog.LoggedEvent> logged = log.range(CONVERSATION, 0, last, 5_000);
        assertThat(logged).extracting(EventLog.LoggedEvent::seq).containsExactlyElementsOf(oneTo(last));
        assertThat(last).as("deltas were joined").isLessThan(3_001);
        assertThat(metrics.get("quillstream.events.joined").counter().count()).isEqualTo(3_001 - last);
        int progress = -1;
        for (int i = 0; i < logged.size(); i++) {
            if (logged.get(i).json().contains("progress")) {
                progress = i;
            }
        }
        assertThat(progress).as("the other event is one of its own").isNotNegative();
        for (String stream : List.of("a", "b")) {
            assertThat(texts(logged.subList(0, progress), stream))
                    .isEqualTo(before.get(stream).toString());
            assertThat(texts(logged.subList(progress + 1, logged.size()), stream))
                    .isEqualTo(after.get(stream).toString());
        }
        assertThat(appends.get(1_500).join())
                .as("its seq")
                .isEqualTo(logged.get(progress).seq());
        assertThat(appends.get(0).join()).isEqualTo(1);
        awaitSize(delivered, (int) last);
        synchronized (delivered) {
            assertThat(delivered).containsExactlyElementsOf(logged);
        }
    }

    /** A delta of plain text in a named stream; it joins the next of its stream up to 2,000 characters. */
    private record Text(String stream, String text) implements EventLog.Delta {
        @Override
        public String body() {
            return "{\"s\":\"" + stream + "\",\"text\":\"" + text + "\"}";
        }

        @Override
        public EventLog.Delta followedBy(EventLog.Delta next) {
            return next instanceof Text other
                            && other.stream.equals(stream)
                            && text.length() + other.text.length() <= 2_000
                    ? new Text(stream, text + other.text)
                    : null;
        }
    }

    /** The text of one stream's deltas among the events, in order. */
    private static String texts(List<EventLog.LoggedEvent> events, String stream) {
        StringBuilder all = new StringBuilder();
        for (EventLog.LoggedEvent event : events) {
            String json = event.json();
            if (json.contains("\"s\":\"" + stream + "\"")) {
                int start = json.indexOf("\"text\":\"") + 8;
                all.append(json, start, json.lastIndexOf('"'));
            }
        }
        return all.toString();
    }

    @Test
    void appendsThatDoNotWaitAreSentInBatchesAndStillGetGapFreeSeqsPerConversationInTheOrderEachThreadAppended()
            throws Exception {
        RedisEventLog log = givenANode();
        int threads = 8;
        int perThread = 1_500;
        List<String> conversations = List.of("a", "b", "c");
        Map<String, List<EventLog.LoggedEvent>> delivered = new ConcurrentHashMap<>();
        for (String conversation : conversations) {
            delivered.put(conversation, subscribed(log, conversation));
        }
        long scriptsBefore = scriptCalls();

        CountDownLatch start = new CountDownLatch(1);
        List<Thread> appenders = new ArrayList<>();
        List<CompletableFuture<Long>> seqs = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            appenders.add(Thread.ofVirtual().start(() -> {
                await(start);
                for (int n = 0; n < perThread; n++) {
                    String conversation = conversations.get((thread + n) % conversations.size());
                    CompletableFuture<Long> seq = log.appendAsync(
                            conversation, "{\"thread\":" + thread + ",\"n\":" + n + ",\"text\":\"é ✓\"}");
                    synchronized (seqs) {
                        seqs.add(seq);
                    }
                }
            }));
        }
        start.countDown();
        for (Thread appender : appenders) {
            appender.join();
        }
        CompletableFuture.allOf(seqs.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);

        int total = threads * perThread;
        for (String conversation : conversations) {
            long last = log.lastSeq(conversation);
            List<EventLog.LoggedEvent> logged = log.range(conversation, 0, last, total);
            assertThat(logged).extracting(EventLog.LoggedEvent::seq).containsExactlyElementsOf(oneTo(last));
            awaitSize(delivered.get(conversation), (int) last);
            synchronized (delivered.get(conversation)) {
                assertThat(delivered.get(conversation)).containsExactlyElementsOf(logged);
            }
            assertEachThreadInItsOrder(logged);
        }
        assertThat(conversations.stream().mapToLong(log::lastSeq).sum()).isEqualTo(total);
        assertThat(scriptCalls() - scriptsBefore)
                .as("script calls for %d events appended by %d threads at once", total, threads)
                .isLessThan(total / 5);
    }

    @Test
    void aSecondNodeGetsEveryEventThroughPubSubInOrder() throws Exception {
        RedisEventLog log = givenANode();
        RedisEventLog otherNode = givenANode();
        List<EventLog.LoggedEvent> delivered = subscribed(otherNode, CONVERSATION);

        for (int n = 1; n <= 500; n++) {
            log.appendAsync(CONVERSATION, "{\"n\":" + n + "}");
        }
        long last = log.append(CONVERSATION, "{\"n\":501}");

        awaitSize(delivered, 501);
        synchronized (delivered) {
            assertThat(delivered).extracting(EventLog.LoggedEvent::seq).containsExactlyElementsOf(oneTo(last));
        }
    }

    @Test
    void aRedisThatHasForgottenItsScriptsStillAppends() {
        RedisEventLog log = givenANode();
        log.append(CONVERSATION, "{\"n\":1}");
        redis.execute((org.springframework.data.redis.core.RedisCallback<Void>) connection -> {
            connection.scriptingCommands().scriptFlush();
            return null;
        });

        assertThat(log.append(CONVERSATION, "{\"n\":2}")).isEqualTo(2);
        assertThat(log.range(CONVERSATION, 1, 2, 10))
                .extracting(EventLog.LoggedEvent::json)
                .containsExactly("{\"seq\":2,\"n\":2}");
    }

    @Test
    void whenTheSubscriptionIsMadeAgainEverySubscriberIsToldToReadWhatItMissed() throws Exception {
        RedisEventLog log = givenANode();
        AtomicInteger resyncs = new AtomicInteger();
        log.subscribe(CONVERSATION, new EventLog.Subscriber() {
            @Override
            public void accept(EventLog.LoggedEvent event) {}

            @Override
            public void resync() {
                resyncs.incrementAndGet();
            }
        });
        awaitTrue(() -> resyncs.get() >= 1); // the first subscription: events before it were not received
        int before = resyncs.get();

        killThisTestsSubscription();

        awaitTrue(() -> resyncs.get() > before);
        assertThat(log.append(CONVERSATION, "{\"n\":1}")).isEqualTo(1);
    }

    @Test
    void aNodeStartsWithRedisDownAndItsAppendsFailInsteadOfHanging() {
        RedisEventLog log = givenANode(RedisURI.create("redis://127.0.0.1:1/0"));

        assertThatThrownBy(() -> log.append(CONVERSATION, "{\"n\":1}")).hasMessageContaining("connect");
    }

    @Test
    void theReplayExpiresAfterItsTtlWhileTheSeqCounterLivesAsLongAsTheConversation() {
        RedisEventLog log = givenANode();
        log.append(CONVERSATION, "{\"n\":1}");
        String keys = prefix + "conversation:" + CONVERSATION + ":";
        Long events = redis.getExpire(keys + "events", TimeUnit.MILLISECONDS);
        Long seq = redis.getExpire(keys + "seq", TimeUnit.MILLISECONDS);
        assertThat(events).isPositive().isLessThanOrEqualTo(REPLAY_TTL.toMillis());
        assertThat(seq)
                .isGreaterThan(REPLAY_TTL.toMillis())
                .isLessThanOrEqualTo(Duration.ofDays(1).toMillis());

        redis.delete(keys + "events"); // as when it expires
        assertThat(log.range(CONVERSATION, 0, 10, 10)).isEmpty();
        assertThat(log.append(CONVERSATION, "{\"n\":2}")).as("seq goes on").isEqualTo(2);
    }

    private void started() {
        if (redis == null) {
            connections.afterPropertiesSet();
            redis = new StringRedisTemplate(connections);
        }
    }

    private RedisEventLog givenANode() {
        return givenANode(REDIS);
    }

    /** A node whose appends go to {@code appendsTo} (its subscription and reads to the test's Redis). */
    private RedisEventLog givenANode(RedisURI appendsTo) {
        started();
        RedisEventLog log = new RedisEventLog(
                redis,
                connections,
                resources,
                appendsTo,
                prefix,
                20_000,
                Duration.ofDays(1),
                REPLAY_TTL,
                LIMITS,
                new EventLogMetrics(metrics));
        logs.add(log);
        return log;
    }

    /** What the log delivers of the conversation, once every node's subscription is live. */
    private List<EventLog.LoggedEvent> subscribed(RedisEventLog log, String conversation) throws Exception {
        List<EventLog.LoggedEvent> delivered = new ArrayList<>();
        log.subscribe(conversation, event -> {
            synchronized (delivered) {
                delivered.add(event);
            }
        });
        awaitTrue(() -> channelSubscribers() >= logs.size());
        assertThat(channelSubscribers()).as("nodes subscribed").isEqualTo(logs.size());
        return delivered;
    }

    private long channelSubscribers() {
        io.lettuce.core.RedisClient client = io.lettuce.core.RedisClient.create(resources, REDIS);
        try (var connection = client.connect()) {
            return connection.sync().pubsubNumsub(new RedisEventKeys(prefix).channelName()).values().stream()
                    .mapToLong(Long::longValue)
                    .sum();
        } finally {
            client.shutdown(Duration.ZERO, Duration.ofSeconds(1));
        }
    }

    private long scriptCalls() {
        String stats = redis.execute((org.springframework.data.redis.core.RedisCallback<String>)
                connection -> String.valueOf(connection.serverCommands().info("commandstats")));
        long calls = 0;
        for (String command : List.of("cmdstat_evalsha", "cmdstat_eval")) {
            int at = stats.indexOf(command + "=calls=");
            if (at >= 0) {
                int from = at + command.length() + "=calls=".length();
                int to = from;
                while (Character.isDigit(stats.charAt(to))) {
                    to++;
                }
                calls += Long.parseLong(stats.substring(from, to));
            }
        }
        return calls;
    }

    /** Redis drops the pub/sub connection this test's node made, as it does a too slow subscriber. */
    private void killThisTestsSubscription() {
        redis.execute((org.springframework.data.redis.core.RedisCallback<Void>) connection -> {
            for (var client : connection.serverCommands().getClientList()) {
                if (clientName.equals(client.getName())
                        && client.get("sub") != null
                        && !"0".equals(client.get("sub"))) {
                    connection
                            .serverCommands()
                            .killClient(
                                    client.getAddressPort().split(":")[0],
                                    Integer.parseInt(client.getAddressPort().split(":")[1]));
                }
            }
            return null;
        });
    }

    private static void assertEachThreadInItsOrder(List<EventLog.LoggedEvent> logged) {
        Map<String, Integer> lastN = new ConcurrentHashMap<>();
        for (EventLog.LoggedEvent event : logged) {
            String thread = between(event.json(), "\"thread\":", ",");
            int n = Integer.parseInt(between(event.json(), "\"n\":", ","));
            Integer previous = lastN.put(thread, n);
            assertThat(previous == null || previous < n)
                    .as("thread %s appended %s after %s", thread, n, previous)
                    .isTrue();
        }
    }

    private static String between(String text, String before, String after) {
        int from = text.indexOf(before) + before.length();
        return text.substring(from, text.indexOf(after, from));
    }

    private static List<Long> oneTo(long last) {
        return LongStream.rangeClosed(1, last).boxed().toList();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void awaitSize(List<?> list, int size) throws InterruptedException {
        awaitTrue(() -> {
            synchronized (list) {
                return list.size() >= size;
            }
        });
    }

    private static void awaitTrue(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
    }
}
