package dev.quillstream.platform.cache;

import java.time.Duration;
import java.util.Optional;

/**
 * A string cache with a time to live per entry, shared by all nodes when Redis is configured and
 * in-process otherwise. A cache never holds the only copy of anything: when Redis fails, a read is
 * a miss and a write is dropped, so losing Redis costs speed, never data or availability.
 */
public interface SharedCache {

    Optional<String> get(String key);

    void put(String key, String value, Duration ttl);

    void evict(String key);
}
