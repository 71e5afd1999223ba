package dev.quillstream.conversation.events;

import io.lettuce.core.RedisURI;
import io.lettuce.core.resource.ClientResources;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.task.SyncTaskExecutor;
import org.springframework.data.domain.Range;
import org.springframework.data.redis.connection.Limit;
import org.springframework.data.redis.connection.Message;
import org.springframework.data.redis.connection.MessageListener;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.SubscriptionListener;
import org.springframework.data.redis.connection.stream.MapRecord;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;

/**
 * The event log shared by all nodes. Per conversation: a counter ({@code seq}) and a Stream capped
 * at about {@code capacity} entries whose entry ids are {@code <seq>-0} (so replay after a seq is
 * one XRANGE). Appends go out in batches ({@link RedisBatchAppender}): one script per batch
 * increments, appends and publishes the batch on one channel, so seq order, Stream order and
 * publish order are the same whichever node appends. The Stream expires {@code replayTtl} after
 * the conversation's last event, so Redis holds replay for active conversations only; the counter
 * lives as long as the conversation ({@code retention}), so seq does not start over while clients
 * may still hold one.
 *
 * <p>Every node, this one included, delivers to its subscribers what it receives on the channel,
 * on the subscription's thread, in the order Redis published: one path for local and remote
 * events, so each event reaches a subscriber once. When the subscription is made again (Redis
 * restarted, or dropped a slow subscriber), whatever was published meanwhile never arrives, so
 * every subscriber is told to read the log after the last event it has.
 */
final class RedisEventLog implements EventLog, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RedisEventLog.class);

    private final StringRedisTemplate redis;
    private final RedisEventKeys keys;
    private final RedisBatchAppender appender;
    private final Subscribers subscribers = new Subscribers();
    private final ConversationRelays relays;
    private final RedisMessageListenerContainer container;

    RedisEventLog(
            StringRedisTemplate redis,
            RedisConnectionFactory connections,
            ClientResources resources,
            RedisURI uri,
            String prefix,
            int capacity,
            Duration retention,
            Duration replayTtl,
            RedisBatchAppender.Limits limits,
            EventLogMetrics metrics) {
        if (!replayTtl.isPositive() || !retention.isPositive()) {
            throw new IllegalArgumentException(
                    "QUILLSTREAM_REPLAY_TTL and QUILLSTREAM_CONVERSATION_TTL must be positive");
        }
        this.redis = redis;
        this.keys = new RedisEventKeys(prefix);
        this.relays = new ConversationRelays(subscribers, metrics);
        this.container = new RedisMessageListenerContainer();
        container.setConnectionFactory(connections);
        // Deliver on the subscription's own thread, in the order Redis published: no reordering.
        container.setTaskExecutor(new SyncTaskExecutor());
        container.addMessageListener(new Listener(), new ChannelTopic(keys.channelName()));
        container.afterPropertiesSet();
        container.start();
        this.appender = new RedisBatchAppender(resources, uri, keys, capacity, retention, replayTtl, limits, metrics);
    }

    @Override
    public CompletableFuture<Long> appendAsync(String conversationId, String body) {
        String event = body.strip();
        if (!event.startsWith("{") || event.substring(1).strip().equals("}")) {
            return CompletableFuture.failedFuture(new IllegalArgumentException("an event is a non-empty JSON object"));
        }
        return appender.append(conversationId, event);
    }

    @Override
    public CompletableFuture<Long> appendDelta(String conversationId, Delta delta) {
        return appender.append(conversationId, delta);
    }

    @Override
    public List<LoggedEvent> range(String conversationId, long after, long until, int limit) {
        if (until <= after) {
            return List.of();
        }
        List<MapRecord<String, Object, Object>> records = redis.opsForStream()
                .range(
                        keys.eventsKey(conversationId),
                        Range.closed((after + 1) + "-0", until + "-0"),
                        Limit.limit().count(limit));
        if (records == null) {
            return List.of();
        }
        return records.stream()
                .map(r -> stored(r.getId().getTimestamp(), (String) r.getValue().get("e")))
                .toList();
    }

    /** An entry holds the event without its seq (the entry id is the seq); before 7 December 2026, with it. */
    private static LoggedEvent stored(long seq, String event) {
        return event.startsWith("{\"seq\":") ? new LoggedEvent(seq, event) : LoggedEvent.of(seq, event);
    }

    @Override
    public long lastSeq(String conversationId) {
        String value = redis.opsForValue().get(keys.seqKey(conversationId));
        return value == null ? 0 : Long.parseLong(value);
    }

    @Override
    public AutoCloseable subscribe(String conversationId, Subscriber subscriber) {
        return subscribers.add(conversationId, subscriber);
    }

    @Override
    public void forget(String conversationId) {
        redis.delete(List.of(keys.seqKey(conversationId), keys.eventsKey(conversationId)));
    }

    @Override
    public void close() {
        appender.close();
        container.stop();
        try {
            container.destroy();
        } catch (Exception ignored) {
            // shutting down
        }
    }

    private final class Listener implements MessageListener, SubscriptionListener {

        @Override
        public void onMessage(Message message, byte @Nullable [] pattern) {
            try {
                PublishedBatch.forEachConversation(message.getBody(), relays::wanted, relays::deliver);
            } catch (RuntimeException e) {
                log.warn("Dropped an unreadable message on {}: {}", keys.channelName(), e.toString());
            }
        }

        @Override
        public void onChannelSubscribed(byte[] channel, long count) {
            // Events published before this (at start, or while the connection was down) were not
            // received; a socket opened meanwhile may have read the log before they were appended.
            log.info("Subscribed to {}: sockets on this node read what they may have missed", keys.channelName());
            subscribers.resyncAll();
        }
    }
}
