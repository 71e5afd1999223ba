package dev.quillstream.conversation.events;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.core.task.SyncTaskExecutor;
import org.springframework.data.domain.Range;
import org.springframework.data.redis.connection.Limit;
import org.springframework.data.redis.connection.Message;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.stream.MapRecord;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.data.redis.listener.PatternTopic;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;

/**
 * The event log shared by all nodes. Per conversation: a counter ({@code seq}), a Stream capped at
 * about {@code capacity} entries whose entry ids are {@code <seq>-0} (so replay after a seq is one
 * XRANGE), and a pub/sub channel. One Lua script increments, appends and publishes, so seq order,
 * Stream order and publish order are the same whichever node appends. The Stream expires {@code
 * replayTtl} after the conversation's last event, so Redis holds replay for active conversations
 * only; the counter lives as long as the conversation ({@code retention}), so seq does not start
 * over while clients may still hold one. Each node subscribes once to
 * the channel pattern and hands events to its local subscribers on the delivery thread; events
 * appended on this node are handed to them at once as well (the published copy is then a
 * duplicate that subscribers drop by seq).
 */
final class RedisEventLog implements EventLog, AutoCloseable {

    private static final RedisScript<Long> APPEND = RedisScript.of("""
            local seq = redis.call('INCR', KEYS[1])
            local rest = string.sub(ARGV[1], 2)
            local event = '{"seq":' .. seq .. ',' .. rest
            redis.call('XADD', KEYS[2], 'MAXLEN', '~', ARGV[2], seq .. '-0', 'e', event)
            redis.call('PUBLISH', KEYS[3], event)
            redis.call('PEXPIRE', KEYS[1], ARGV[3])
            redis.call('PEXPIRE', KEYS[2], ARGV[4])
            return seq
            """, Long.class);

    private final StringRedisTemplate redis;
    private final String prefix;
    /** The script's arguments after the event: the same for every append, so formatted once. */
    private final String capacity;

    private final String retentionMillis;
    private final String replayTtlMillis;
    private final Subscribers subscribers = new Subscribers();
    private final RedisMessageListenerContainer container;

    RedisEventLog(
            StringRedisTemplate redis,
            RedisConnectionFactory connections,
            String prefix,
            int capacity,
            Duration retention,
            Duration replayTtl) {
        if (!replayTtl.isPositive() || !retention.isPositive()) {
            throw new IllegalArgumentException(
                    "QUILLSTREAM_REPLAY_TTL and QUILLSTREAM_CONVERSATION_TTL must be positive");
        }
        this.redis = redis;
        this.prefix = prefix + "conversation:";
        this.capacity = Integer.toString(capacity);
        this.retentionMillis = Long.toString(retention.toMillis());
        this.replayTtlMillis = Long.toString(replayTtl.toMillis());
        this.container = new RedisMessageListenerContainer();
        container.setConnectionFactory(connections);
        // Deliver on the subscription's own thread, in the order Redis published: no reordering.
        container.setTaskExecutor(new SyncTaskExecutor());
        container.addMessageListener(this::received, new PatternTopic(this.prefix + "*:live"));
        container.afterPropertiesSet();
        container.start();
    }

    @Override
    public long append(String conversationId, String body) {
        if (!body.strip().startsWith("{") || body.strip().equals("{}")) {
            throw new IllegalArgumentException("an event is a non-empty JSON object");
        }
        Long seq = redis.execute(
                APPEND,
                List.of(key(conversationId, "seq"), key(conversationId, "events"), key(conversationId, "live")),
                body.strip(),
                capacity,
                retentionMillis,
                replayTtlMillis);
        if (seq == null) {
            throw new IllegalStateException("Redis did not answer the append");
        }
        // This node's subscribers get it now, without the pub/sub round trip; the published copy
        // that follows is dropped by seq. Other nodes' subscribers get the published copy.
        subscribers.deliver(conversationId, LoggedEvent.of(seq, body));
        return seq;
    }

    @Override
    public List<LoggedEvent> range(String conversationId, long after, long until, int limit) {
        if (until <= after) {
            return List.of();
        }
        List<MapRecord<String, Object, Object>> records = redis.opsForStream()
                .range(
                        key(conversationId, "events"),
                        Range.closed((after + 1) + "-0", until + "-0"),
                        Limit.limit().count(limit));
        if (records == null) {
            return List.of();
        }
        return records.stream()
                .map(r -> new LoggedEvent(
                        r.getId().getTimestamp(), (String) r.getValue().get("e")))
                .toList();
    }

    @Override
    public long lastSeq(String conversationId) {
        String value = redis.opsForValue().get(key(conversationId, "seq"));
        return value == null ? 0 : Long.parseLong(value);
    }

    @Override
    public AutoCloseable subscribe(String conversationId, Consumer<LoggedEvent> subscriber) {
        return subscribers.add(conversationId, subscriber);
    }

    @Override
    public void forget(String conversationId) {
        redis.delete(List.of(key(conversationId, "seq"), key(conversationId, "events")));
    }

    @Override
    public void close() {
        container.stop();
        try {
            container.destroy();
        } catch (Exception ignored) {
            // shutting down
        }
    }

    private void received(Message message, byte[] pattern) {
        String channel = new String(message.getChannel(), StandardCharsets.UTF_8);
        String conversationId = channel.substring(prefix.length(), channel.length() - ":live".length());
        String json = new String(message.getBody(), StandardCharsets.UTF_8);
        subscribers.deliver(conversationId, new LoggedEvent(seqOf(json), json));
    }

    /** The seq of an event this log wrote: it always starts {@code {"seq":<n>,}. */
    static long seqOf(String json) {
        int start = json.indexOf(':') + 1;
        int end = json.indexOf(',', start);
        return Long.parseLong(json.substring(start, end));
    }

    private String key(String conversationId, String suffix) {
        return prefix + conversationId + ":" + suffix;
    }
}
