package dev.quillstream.conversation.events;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Where a live event's time goes on its way through the shared event log, at {@code
 * /actuator/prometheus} with histogram buckets (so a dashboard, or the streaming benchmark, can
 * read percentiles): the append, from an event handed to the log to Redis having stored and
 * published it, and the relay's wait, from a batch arriving from Redis to its conversation's relay
 * starting to write it to this node's sockets. Their sum, plus the write itself, is the delay a
 * subscriber on this node sees; the two show which side of Redis is behind.
 */
final class EventLogMetrics {

    private final Timer append;
    private final DistributionSummary batch;
    private final Timer relayWait;
    private final Counter joined;
    private final MeterRegistry registry;

    EventLogMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.append = latency(
                "quillstream.events.append",
                "from an event handed to the event log to Redis having appended and published it");
        this.batch = DistributionSummary.builder("quillstream.events.append.batch")
                .description("events per call of the append script")
                .baseUnit("events")
                .register(registry);
        this.joined = Counter.builder("quillstream.events.joined")
                .description("content deltas joined to the one before them while both waited, instead of sent"
                        + " as events of their own")
                .register(registry);
        this.relayWait = latency(
                "quillstream.events.relay.wait",
                "from events arriving from Redis to their conversation's relay taking them (the oldest"
                        + " waiting, once per take)");
    }

    /** A timer with histogram buckets from 1 ms to 10 s, for percentiles in Prometheus. */
    private Timer latency(String name, String description) {
        return Timer.builder(name)
                .description(description)
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(10))
                .register(registry);
    }

    /** A batch Redis appended: each event's time since it was handed to the log (a joined delta's since its first). */
    void appended(List<Pending> events, long now) {
        batch.record(events.size());
        for (Pending event : events) {
            append.record(now - event.queuedAt(), TimeUnit.NANOSECONDS);
        }
    }

    /** How many appends wait for a script call (Redis behind, or stalled, shows here first). */
    void waiting(AtomicInteger queued) {
        Gauge.builder("quillstream.events.append.waiting", queued, q -> Math.max(0, q.get()))
                .description("events waiting to be sent to Redis")
                .baseUnit("events")
                .register(registry);
    }

    /** A delta was joined to the one before it instead of queued. */
    void joined() {
        joined.increment();
    }

    void relayWaited(long nanos) {
        relayWait.record(nanos, TimeUnit.NANOSECONDS);
    }
}
