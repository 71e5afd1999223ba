package dev.quillstream.conversation.events;

import io.lettuce.core.RedisURI;
import io.lettuce.core.resource.ClientResources;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.util.unit.DataSize;

/** Redis when {@code REDIS_URL} is set (any number of nodes), memory otherwise (one node). */
@Configuration(proxyBeanMethods = false)
class EventLogConfiguration {

    @Bean
    EventLog eventLog(
            ObjectProvider<StringRedisTemplate> redis,
            ObjectProvider<RedisConnectionFactory> connections,
            ObjectProvider<ClientResources> redisResources,
            ObjectProvider<RedisURI> redisUri,
            @Value("${quillstream.redis-prefix:quillstream:}") String prefix,
            @Value("${quillstream.conversation.replay-events:20000}") int capacity,
            @Value("${quillstream.conversation.replay-memory:}") String memory,
            @Value("${quillstream.conversation.ttl:30d}") Duration retention,
            @Value("${quillstream.conversation.replay-ttl:24h}") Duration replayTtl,
            @Value("${quillstream.conversation.appends-in-flight:8}") int appendsInFlight,
            MeterRegistry metrics) {
        StringRedisTemplate template = redis.getIfAvailable();
        if (template == null) {
            return measured(new InMemoryEventLog(capacity, memoryBudget(memory)), metrics);
        }
        return new RedisEventLog(
                template,
                connections.getObject(),
                redisResources.getObject(),
                redisUri.getObject(),
                prefix,
                capacity,
                retention,
                replayTtl,
                appendLimits(appendsInFlight),
                new EventLogMetrics(metrics));
    }

    /** How much of its budget the in-memory log uses, to see it fill before it trims. */
    static InMemoryEventLog measured(InMemoryEventLog log, MeterRegistry metrics) {
        Gauge.builder("quillstream.replay.memory", log, InMemoryEventLog::bytesKept)
                .baseUnit("bytes")
                .description("estimated memory of the events kept for replay (no Redis)")
                .register(metrics);
        return log;
    }

    /** At most 50,000 events wait per node, an append beyond that for up to 10 s. */
    static RedisBatchAppender.Limits appendLimits(int inFlight) {
        if (inFlight < 1) {
            throw new IllegalArgumentException(
                    "QUILLSTREAM_REDIS_APPENDS_IN_FLIGHT must be at least 1, not " + inFlight);
        }
        return new RedisBatchAppender.Limits(inFlight, 50_000, Duration.ofSeconds(10));
    }

    /** {@code QUILLSTREAM_REPLAY_MEMORY} (e.g. {@code 256MB}), or an eighth of the maximum heap. */
    static long memoryBudget(String memory) {
        if (memory == null || memory.isBlank()) {
            return Runtime.getRuntime().maxMemory() / 8;
        }
        try {
            return DataSize.parse(memory.strip()).toBytes();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "QUILLSTREAM_REPLAY_MEMORY must be a size such as 256MB, not '" + memory + "'", e);
        }
    }
}
