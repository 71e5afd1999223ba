package dev.quillstream.research;

import dev.quillstream.platform.cache.SharedCache;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Asks the requested sources in parallel on virtual threads, each within the same deadline, each
 * answer cached per source for the TTL (so a repeated query calls no source, and a source that
 * failed is asked again next time rather than remembered as empty). A source that fails or misses
 * the deadline becomes a warning naming it; the others' answers are merged and ranked.
 */
final class ResearchService implements Research, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ResearchService.class);
    private static final String CACHE_VERSION = "research:v1:";

    private final Map<SourceKind, ResearchSource> sources = new LinkedHashMap<>();
    private final SharedCache cache;
    private final Duration ttl;
    private final Duration timeout;
    private final SourceReader reader;
    private final MeterRegistry meters;
    private final JsonMapper json = JsonMapper.builder().build();
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

    ResearchService(
            List<ResearchSource> configured,
            SharedCache cache,
            Duration ttl,
            Duration timeout,
            SourceReader reader,
            MeterRegistry meters) {
        configured.stream()
                .sorted(java.util.Comparator.comparing(ResearchSource::kind))
                .forEach(source -> sources.put(source.kind(), source));
        this.cache = cache;
        this.ttl = ttl;
        this.timeout = timeout;
        this.reader = reader;
        this.meters = meters;
    }

    @Override
    public Set<SourceKind> configuredSources() {
        return sources.isEmpty() ? Set.of() : EnumSet.copyOf(sources.keySet());
    }

    @Override
    public Set<SourceKind> defaultSources() {
        Set<SourceKind> web = EnumSet.noneOf(SourceKind.class);
        sources.keySet().stream().filter(SourceKind::web).forEach(web::add);
        if (!web.isEmpty()) {
            return web;
        }
        return sources.containsKey(SourceKind.LOCAL) ? EnumSet.of(SourceKind.LOCAL) : Set.of();
    }

    @Override
    public ResearchResponse search(ResearchQuery query, @Nullable UUID owner) {
        Set<SourceKind> requested = query.sources().isEmpty() ? defaultSources() : query.sources();
        List<SourceWarning> warnings = new ArrayList<>();
        List<ResearchSource> asked = new ArrayList<>();
        for (SourceKind kind : SourceKind.values()) {
            if (!requested.contains(kind)) {
                continue;
            }
            ResearchSource source = sources.get(kind);
            if (source == null) {
                warnings.add(new SourceWarning(kind.id(), "not configured on this server" + setting(kind)));
            } else {
                asked.add(source);
            }
        }
        if (asked.isEmpty()) {
            throw new IllegalArgumentException("none of the requested sources is configured on this server; available: "
                    + (sources.isEmpty()
                            ? "none"
                            : String.join(
                                    ", ",
                                    sources.keySet().stream()
                                            .map(SourceKind::id)
                                            .toList())));
        }
        SearchQuery search = new SearchQuery(query.query(), query.maxResults(), owner);
        Map<SourceKind, Future<SourceResults>> running = new LinkedHashMap<>();
        asked.forEach(source -> running.put(source.kind(), executor.submit(() -> cachedSearch(source, search))));
        long deadline = System.nanoTime() + timeout.toNanos();
        Map<SourceKind, SourceResults> answers = new LinkedHashMap<>();
        Duration retryAfter = null;
        boolean allRateLimited = true;
        for (Map.Entry<SourceKind, Future<SourceResults>> entry : running.entrySet()) {
            SourceKind kind = entry.getKey();
            try {
                answers.put(
                        kind, entry.getValue().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS));
            } catch (TimeoutException e) {
                entry.getValue().cancel(true);
                count(kind, "timeout");
                allRateLimited = false;
                warnings.add(new SourceWarning(kind.id(), "no answer within " + seconds(timeout)));
                log.warn("Research source {} gave no answer within {}", kind.id(), timeout);
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                warnings.add(new SourceWarning(kind.id(), describe(cause)));
                log.warn("Research source {} failed: {}", kind.id(), cause.getMessage());
                if (cause instanceof ResearchFailure.RateLimited limited) {
                    Duration wait = limited.retryAfter().orElse(null);
                    retryAfter = wait == null
                            ? retryAfter
                            : retryAfter == null || wait.compareTo(retryAfter) > 0 ? wait : retryAfter;
                } else {
                    allRateLimited = false;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                running.values().forEach(f -> f.cancel(true));
                throw new IllegalStateException("interrupted while waiting for research sources", e);
            }
        }
        if (answers.isEmpty()) {
            throw new ResearchUnavailable(warnings, allRateLimited ? retryAfter : null);
        }
        return new ResearchResponse(
                query.query(),
                ResultMerger.results(answers, query.maxResults()),
                ResultMerger.relatedQueries(answers, query.query()),
                ResultMerger.peopleAlsoAsk(answers),
                List.copyOf(answers.keySet()),
                warnings);
    }

    @Override
    public List<SourceText> read(List<ResearchResult> results, @Nullable UUID owner) {
        return reader.read(results, owner);
    }

    private SourceResults cachedSearch(ResearchSource source, SearchQuery query) {
        String key = cacheKey(source, query);
        Optional<SourceResults> cached = cache.get(key).flatMap(this::parse);
        if (cached.isPresent()) {
            count(source.kind(), "cached");
            return cached.get();
        }
        try {
            SourceResults results = source.search(query);
            cache.put(key, json.writeValueAsString(results), ttl);
            count(source.kind(), "answered");
            return results;
        } catch (RuntimeException e) {
            count(source.kind(), "failed");
            throw e;
        }
    }

    private Optional<SourceResults> parse(String text) {
        try {
            return Optional.of(json.readValue(text, SourceResults.class));
        } catch (JacksonException e) {
            log.warn("Ignoring an unreadable research cache entry: {}", e.getOriginalMessage());
            return Optional.empty();
        }
    }

    /** Source, query (case and spacing folded), result count and the source's scope, hashed. */
    private static String cacheKey(ResearchSource source, SearchQuery query) {
        String identity = String.join(
                "\n",
                query.query().toLowerCase(Locale.ROOT),
                Integer.toString(query.maxResults()),
                source.cacheScope(query));
        return CACHE_VERSION + source.kind().id() + ":" + sha256(identity);
    }

    private void count(SourceKind kind, String outcome) {
        meters.counter("quillstream.research.source.calls", "source", kind.id(), "outcome", outcome)
                .increment();
    }

    static String describe(Throwable failure) {
        String message = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
        return switch (failure) {
            case ResearchFailure.Unauthenticated u -> "rejected the API key (" + message + ")";
            case ResearchFailure.RateLimited r ->
                "rate limited (" + message + ")"
                        + r.retryAfter().map(d -> "; retry after " + seconds(d)).orElse("");
            case ResearchFailure.Rejected r -> "refused the query (" + message + ")";
            case ResearchFailure.Unavailable u -> "unavailable (" + message + ")";
            default -> "failed (" + message + ")";
        };
    }

    private static String setting(SourceKind kind) {
        return switch (kind) {
            case SERP -> " (set SERPAPI_API_KEY)";
            case TAVILY -> " (set TAVILY_API_KEY)";
            case EXA -> " (set EXA_API_KEY)";
            case LOCAL -> " (the library needs the database)";
        };
    }

    private static String seconds(Duration duration) {
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + "s" : duration.toMillis() + "ms";
    }

    static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
        reader.close();
    }

    @Override
    public String toString() {
        return "ResearchService" + Arrays.toString(sources.keySet().toArray());
    }
}
