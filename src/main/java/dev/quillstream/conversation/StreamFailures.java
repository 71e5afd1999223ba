package dev.quillstream.conversation;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Events that could not be streamed, logged at most once per {@code interval} with how many
 * failed meanwhile: with Redis down every token of every job fails, and a log line per token would
 * bury everything else.
 */
final class StreamFailures {

    private static final Logger log = LoggerFactory.getLogger(StreamFailures.class);

    private final long intervalNanos;
    private final AtomicLong nextLog = new AtomicLong(Long.MIN_VALUE);
    private final AtomicLong failed = new AtomicLong();

    StreamFailures(Duration interval) {
        this.intervalNanos = interval.toNanos();
    }

    void record(String conversationId, Throwable error) {
        long count = failed.incrementAndGet();
        long now = System.nanoTime();
        long next = nextLog.get();
        if ((next == Long.MIN_VALUE || now - next >= 0) && nextLog.compareAndSet(next, now + intervalNanos)) {
            failed.addAndGet(-count);
            log.warn(
                    "Could not stream {} event(s) in the last {} s, the latest to conversation {}: {}",
                    count,
                    Duration.ofNanos(intervalNanos).toSeconds(),
                    conversationId,
                    error.toString());
        }
    }
}
