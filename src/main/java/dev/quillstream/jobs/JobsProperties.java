package dev.quillstream.jobs;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How workers hold and pick up jobs.
 *
 * @param lease how long a claim lasts without a heartbeat; a dead worker's job is taken over after it
 * @param heartbeat how often a worker renews the leases of its running jobs (well under {@code lease})
 * @param pollInterval how often a worker looks for due jobs and for cancellations of its own
 * @param concurrency jobs one worker node runs at once (virtual threads; providers have their own limits)
 * @param retryBackoff wait before the second attempt; doubled for each further one
 */
@ConfigurationProperties("quillstream.jobs")
record JobsProperties(
        @DefaultValue("30s") Duration lease,
        @DefaultValue("10s") Duration heartbeat,
        @DefaultValue("500ms") Duration pollInterval,
        @DefaultValue("256") int concurrency,
        @DefaultValue("5s") Duration retryBackoff) {

    Duration backoff(int attempt) {
        return retryBackoff.multipliedBy(1L << Math.min(10, Math.max(0, attempt - 1)));
    }
}
