package dev.quillstream.testing;

import dev.quillstream.platform.cache.SharedCache;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** A {@link SharedCache} over a map that keeps entries for the test's life (TTLs recorded, not enforced). */
public final class MapCache implements SharedCache {

    private final Map<String, String> entries = new ConcurrentHashMap<>();
    private final Map<String, Duration> ttls = new ConcurrentHashMap<>();

    @Override
    public Optional<String> get(String key) {
        return Optional.ofNullable(entries.get(key));
    }

    @Override
    public void put(String key, String value, Duration ttl) {
        entries.put(key, value);
        ttls.put(key, ttl);
    }

    @Override
    public void evict(String key) {
        entries.remove(key);
        ttls.remove(key);
    }

    public Map<String, Duration> ttls() {
        return Map.copyOf(ttls);
    }

    public void clear() {
        entries.clear();
        ttls.clear();
    }
}
