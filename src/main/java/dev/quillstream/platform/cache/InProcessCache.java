package dev.quillstream.platform.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import java.time.Duration;
import java.util.Optional;

/** The embedded-mode cache: Caffeine, bounded, each entry expiring after its own TTL. */
final class InProcessCache implements SharedCache {

    private record Entry(String value, Duration ttl) {}

    private final Cache<String, Entry> entries;

    InProcessCache(long maximumEntries) {
        this.entries = Caffeine.newBuilder()
                .maximumSize(maximumEntries)
                .expireAfter(Expiry.creating((String key, Entry entry) -> entry.ttl()))
                .build();
    }

    @Override
    public Optional<String> get(String key) {
        return Optional.ofNullable(entries.getIfPresent(key)).map(Entry::value);
    }

    @Override
    public void put(String key, String value, Duration ttl) {
        entries.put(key, new Entry(value, ttl));
    }

    @Override
    public void evict(String key) {
        entries.invalidate(key);
    }
}
