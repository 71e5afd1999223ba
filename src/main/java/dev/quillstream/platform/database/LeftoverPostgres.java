package dev.quillstream.platform.database;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded PostgreSQL is a child process. When its Quillstream dies without shutting down
 * ({@code kill -9}, OOM killer, power-off of a container's main process) the postmaster keeps
 * running, orphaned, and holds the data directory: the next start would fail to get its lock. This
 * finds such a leftover through the directory's {@code postmaster.pid} and stops it. Call it only
 * while holding the directory's {@link OwnerLock}: then no live Quillstream uses that postmaster
 * (pg_ctl daemonises it, so its parent process says nothing about who owns it).
 */
final class LeftoverPostgres {

    private static final Logger log = LoggerFactory.getLogger(LeftoverPostgres.class);
    private static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(30);

    private LeftoverPostgres() {}

    /** Stops a postmaster left running in {@code directory}, if there is one. */
    static void clear(Path directory) {
        Optional<ProcessHandle> postmaster = runningPostmaster(directory);
        if (postmaster.isEmpty()) {
            return;
        }
        ProcessHandle process = postmaster.get();
        log.warn(
                "Stopping the embedded PostgreSQL (pid {}) left running in {} by a Quillstream that did not shut down",
                process.pid(),
                directory.toAbsolutePath());
        // SIGTERM is PostgreSQL's "smart" shutdown; its clients died with the old JVM, so it ends quickly.
        process.destroy();
        if (!awaitExit(process)) {
            log.warn("PostgreSQL (pid {}) ignored SIGTERM for {}; killing it", process.pid(), SHUTDOWN_WAIT);
            process.destroyForcibly();
            awaitExit(process);
        }
    }

    private static Optional<ProcessHandle> runningPostmaster(Path directory) {
        Path pidFile = directory.resolve("postmaster.pid");
        List<String> lines;
        try {
            lines = Files.exists(pidFile) ? Files.readAllLines(pidFile) : List.of();
        } catch (IOException e) {
            return Optional.empty();
        }
        if (lines.isEmpty()) {
            return Optional.empty();
        }
        long pid;
        try {
            pid = Long.parseLong(lines.getFirst().trim());
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        // The pid may have been reused by an unrelated process since: only a postgres counts.
        return ProcessHandle.of(pid)
                .filter(ProcessHandle::isAlive)
                .filter(p -> p.info().command().orElse("").endsWith("postgres"));
    }

    private static boolean awaitExit(ProcessHandle process) {
        try {
            process.onExit().get(SHUTDOWN_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            return !process.isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        }
    }
}
