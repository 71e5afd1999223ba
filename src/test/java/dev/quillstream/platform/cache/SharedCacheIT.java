package dev.quillstream.platform.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

/** Both caches behave alike: values come back until their TTL ends; Redis down is a miss, not an error. */
class SharedCacheIT {

    @Test
    void inProcessEntriesExpireAfterTheirTtl() throws InterruptedException {
        thenBehavesAsACache(new InProcessCache(100));
    }

    @Test
    void redisEntriesExpireAfterTheirTtl() throws InterruptedException {
        LettuceConnectionFactory connections =
                new LettuceConnectionFactory(new RedisStandaloneConfiguration("127.0.0.1", 6379));
        connections.afterPropertiesSet();
        try {
            StringRedisTemplate redis = new StringRedisTemplate(connections);
            String prefix = "test:" + UUID.randomUUID() + ":";
            thenBehavesAsACache(new RedisCache(redis, prefix));
            new RedisCache(redis, prefix).put("k", "v", Duration.ofMinutes(1));
            assertThat(redis.opsForValue().get(prefix + "k")).isEqualTo("v");
            assertThat(redis.getExpire(prefix + "k")).isBetween(1L, 60L);
        } finally {
            connections.destroy();
        }
    }

    @Test
    void anUnreachableRedisIsAMiss() {
        LettuceConnectionFactory connections =
                new LettuceConnectionFactory(new RedisStandaloneConfiguration("127.0.0.1", 1));
        connections.afterPropertiesSet();
        try {
            RedisCache cache = new RedisCache(new StringRedisTemplate(connections), "x:");
            cache.put("k", "v", Duration.ofMinutes(1));
            assertThat(cache.get("k")).isEmpty();
        } finally {
            connections.destroy();
        }
    }

    private static void thenBehavesAsACache(SharedCache cache) throws InterruptedException {
        cache.put("short", "gone soon", Duration.ofMillis(300));
        cache.put("long", "kept", Duration.ofMinutes(1));
        assertThat(cache.get("short")).contains("gone soon");
        assertThat(cache.get("missing")).isEmpty();
        Thread.sleep(1200);
        assertThat(cache.get("short")).isEmpty();
        assertThat(cache.get("long")).contains("kept");
        cache.evict("long");
        assertThat(cache.get("long")).isEmpty();
    }
}
