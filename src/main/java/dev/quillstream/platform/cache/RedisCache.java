package dev.quillstream.platform.cache;

import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.core.StringRedisTemplate;

/** The shared cache of a multi-node deployment: Redis strings with an expiry, under a key prefix. */
final class RedisCache implements SharedCache {

    private static final Logger log = LoggerFactory.getLogger(RedisCache.class);

    private final StringRedisTemplate redis;
    private final String prefix;

    RedisCache(StringRedisTemplate redis, String prefix) {
        this.redis = redis;
        this.prefix = prefix;
    }

    @Override
    public Optional<String> get(String key) {
        try {
            return Optional.ofNullable(redis.opsForValue().get(prefix + key));
        } catch (DataAccessException e) {
            log.warn("Redis read failed, treating as a cache miss: {}", e.getMessage());
            return Optional.empty();
        }
    }

    @Override
    public void put(String key, String value, Duration ttl) {
        try {
            redis.opsForValue().set(prefix + key, value, ttl);
        } catch (DataAccessException e) {
            log.warn("Redis write failed, entry not cached: {}", e.getMessage());
        }
    }

    @Override
    public void evict(String key) {
        try {
            redis.delete(prefix + key);
        } catch (DataAccessException e) {
            log.warn("Redis delete failed: {}", e.getMessage());
        }
    }
}
