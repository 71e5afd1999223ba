package dev.quillstream.research;

import dev.quillstream.research.local.Library;
import java.nio.file.Files;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/** Scans the library folder once the application has started (migrations are done by then), then every interval. */
final class LibraryScanner implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(LibraryScanner.class);

    private final Library library;
    private final Duration interval;
    private ScheduledExecutorService scheduler;

    LibraryScanner(Library library, Duration interval) {
        this.library = library;
        this.interval = interval;
    }

    @Override
    public synchronized void start() {
        if (!Files.isDirectory(library.folder())) {
            log.info(
                    "Library folder {} does not exist: create it and put Markdown, text, HTML or PDF files there"
                            + " for the 'local' research source (or upload them: POST /api/v1/library/documents)",
                    library.folder());
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("library-scanner").daemon(true).factory());
        Runnable scan = () -> {
            try {
                library.scan();
            } catch (RuntimeException e) {
                log.warn("Library scan failed: {}", e.getMessage());
            }
        };
        if (interval.isZero() || interval.isNegative()) {
            scheduler.execute(scan);
        } else {
            scheduler.scheduleWithFixedDelay(scan, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public synchronized void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return scheduler != null;
    }
}
