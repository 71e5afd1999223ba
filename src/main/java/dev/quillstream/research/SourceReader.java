package dev.quillstream.research;

import dev.quillstream.platform.cache.SharedCache;
import dev.quillstream.platform.outbound.OutboundRefused;
import dev.quillstream.research.exa.ExaSource;
import dev.quillstream.research.fetch.PageFetcher;
import dev.quillstream.research.local.LibraryStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads chosen results: library documents from the database, Exa results through Exa's contents
 * API (one call for all of them), every other page through {@link PageFetcher} — at most a few at
 * a time, all within one deadline, each page's text cached for the TTL. Whatever cannot be read
 * keeps the snippet its source returned.
 */
final class SourceReader {

    private static final Logger log = LoggerFactory.getLogger(SourceReader.class);
    private static final int CONCURRENT_FETCHES = 6;

    private final @Nullable LibraryStore library;
    private final @Nullable ExaSource exa;
    private final PageFetcher pages;
    private final SharedCache cache;
    private final Duration ttl;
    private final Duration deadline;
    private final int maxCharacters;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

    SourceReader(
            @Nullable LibraryStore library,
            @Nullable ExaSource exa,
            PageFetcher pages,
            SharedCache cache,
            Duration ttl,
            Duration deadline,
            int maxCharacters) {
        this.library = library;
        this.exa = exa;
        this.pages = pages;
        this.cache = cache;
        this.ttl = ttl;
        this.deadline = deadline;
        this.maxCharacters = maxCharacters;
    }

    List<SourceText> read(List<ResearchResult> results, @Nullable UUID owner) {
        Map<String, String> fromExa = exaContents(results);
        Semaphore permits = new Semaphore(CONCURRENT_FETCHES);
        List<Future<Optional<String>>> texts = new ArrayList<>();
        for (ResearchResult result : results) {
            texts.add(executor.submit(() -> {
                permits.acquire();
                try {
                    return text(result, owner, fromExa);
                } finally {
                    permits.release();
                }
            }));
        }
        long until = System.nanoTime() + deadline.toNanos();
        List<SourceText> read = new ArrayList<>();
        for (int i = 0; i < results.size(); i++) {
            ResearchResult result = results.get(i);
            Optional<String> text = Optional.empty();
            try {
                text = texts.get(i).get(Math.max(0, until - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                texts.get(i).cancel(true);
                log.info("Reading {} took longer than {}: using its snippet", result.url(), deadline);
            } catch (ExecutionException e) {
                log.info("Could not read {}: {}", result.url(), e.getCause().getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                texts.forEach(f -> f.cancel(true));
                throw new IllegalStateException("interrupted while reading sources", e);
            }
            if (text.isPresent() && !text.get().isBlank()) {
                read.add(new SourceText(result, text.get(), true));
            } else if (!result.snippet().isBlank()) {
                read.add(new SourceText(result, result.snippet(), false));
            }
        }
        return read;
    }

    private Optional<String> text(ResearchResult result, @Nullable UUID owner, Map<String, String> fromExa) {
        if (result.url().startsWith("library:")) {
            return library == null
                    ? Optional.empty()
                    : library.text(result.url(), owner).map(this::capped);
        }
        String exaText = fromExa.get(Urls.key(result.url()));
        if (exaText != null) {
            return Optional.of(capped(exaText));
        }
        String key = "research:page:v1:" + ResearchService.sha256(result.url());
        Optional<String> cached = cache.get(key);
        if (cached.isPresent()) {
            return cached;
        }
        try {
            String text = capped(pages.fetch(result.url()).text());
            cache.put(key, text, ttl);
            return Optional.of(text);
        } catch (OutboundRefused | PageFetcher.PageUnreadable e) {
            log.info("Not reading {}: {}", result.url(), e.getMessage());
            return Optional.empty();
        }
    }

    private Map<String, String> exaContents(List<ResearchResult> results) {
        if (exa == null) {
            return Map.of();
        }
        List<String> urls = results.stream()
                .filter(r -> r.sources().contains(SourceKind.EXA))
                .map(ResearchResult::url)
                .toList();
        if (urls.isEmpty()) {
            return Map.of();
        }
        try {
            return exa.contents(urls, maxCharacters);
        } catch (ResearchFailure e) {
            log.warn("Exa contents failed, fetching those pages directly: {}", e.getMessage());
            return Map.of();
        }
    }

    private String capped(String text) {
        return text.length() <= maxCharacters ? text : text.substring(0, maxCharacters);
    }

    void close() {
        executor.shutdownNow();
    }
}
