package dev.quillstream.jobs;

import dev.quillstream.platform.roles.NodeRoles;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The worker loop of a node with the {@code worker} role: every poll interval it claims due jobs
 * (up to its concurrency) and runs each on a virtual thread, passes cancellations on to its running
 * jobs, and renews their leases every heartbeat. Jobs run here synchronously for an HTTP request
 * ({@link Jobs#runHere}) are tracked the same way, so their leases are renewed too.
 */
@Component
class JobWorker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(JobWorker.class);

    private final JobRunner runner;
    private final JobRepository repository;
    private final JobsProperties properties;
    private final NodeRoles roles;
    private final ApplicationEventPublisher events;
    private final Map<UUID, JobExecution> running = new ConcurrentHashMap<>();
    private final Semaphore wake = new Semaphore(0);
    private volatile boolean active;
    private volatile Thread loop;

    JobWorker(
            JobRunner runner,
            JobRepository repository,
            JobsProperties properties,
            NodeRoles roles,
            ApplicationEventPublisher events,
            io.micrometer.core.instrument.MeterRegistry metrics) {
        metrics.gauge("quillstream.jobs.running", running, Map::size);
        this.runner = runner;
        this.repository = repository;
        this.properties = properties;
        this.roles = roles;
        this.events = events;
    }

    @Override
    public void start() {
        active = true;
        loop = Thread.ofPlatform().name("job-worker").daemon().start(this::loop);
    }

    @Override
    public void stop() {
        active = false;
        wake.release();
        // Give running jobs back now rather than after their lease: another node resumes them at once.
        for (JobExecution execution : running.values()) {
            execution.loseLease();
            repository.release(execution.jobId(), runner.node);
        }
    }

    @Override
    public boolean isRunning() {
        return active;
    }

    /** Looks for due jobs now instead of at the next poll (a job was just queued). */
    void wakeUp() {
        wake.release();
    }

    void track(JobExecution execution) {
        running.put(execution.jobId(), execution);
    }

    void untrack(JobExecution execution) {
        running.remove(execution.jobId(), execution);
    }

    /** Cancels a job running on this node at once; others learn it from the database at their next poll. */
    void cancelLocally(UUID job) {
        JobExecution execution = running.get(job);
        if (execution != null) {
            execution.cancel();
        }
    }

    private void loop() {
        Instant nextHeartbeat = Instant.now().plus(properties.heartbeat());
        while (active) {
            try {
                if (Instant.now().isAfter(nextHeartbeat)) {
                    heartbeat();
                    nextHeartbeat = Instant.now().plus(properties.heartbeat());
                }
                passOnCancellations();
                if (roles.worker()) {
                    claimAndStart();
                    repository
                            .failAbandoned()
                            .forEach(row -> events.publishEvent(new JobEvent.JobFailed(
                                    row.job().id(),
                                    row.job().conversationId(),
                                    row.job().kind(),
                                    row.job().error(),
                                    false,
                                    false)));
                }
                wake.drainPermits();
                wake.tryAcquire(properties.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.warn("Job worker loop failed; trying again at the next poll", e);
                sleepQuietly();
            }
        }
    }

    private void claimAndStart() {
        int free = properties.concurrency() - running.size();
        for (JobRepository.Row row : repository.claim(runner.node, runner.kinds(), free, properties.lease())) {
            JobExecution execution = runner.prepare(row);
            track(execution);
            Thread.ofVirtual().name("job-" + row.job().id()).start(() -> {
                try {
                    runner.run(execution);
                } catch (Exception recorded) {
                    // Recorded by the runner (retry, failed or cancelled); nothing to answer here.
                } finally {
                    untrack(execution);
                }
            });
        }
    }

    private void heartbeat() {
        List<UUID> ids = new ArrayList<>(running.keySet());
        if (ids.isEmpty()) {
            return;
        }
        List<UUID> held = repository.heartbeat(runner.node, ids, properties.lease());
        for (UUID id : ids) {
            JobExecution execution = running.get(id);
            if (!held.contains(id)
                    && execution != null
                    && !execution.job().status().isFinal()) {
                // The job finished between the two reads, or another node took it over.
                repository
                        .find(id)
                        .filter(row -> row.job().status() == JobStatus.RUNNING)
                        .ifPresent(row -> execution.loseLease());
            }
        }
    }

    private void passOnCancellations() {
        for (UUID id : repository.cancelRequested(running.keySet())) {
            cancelLocally(id);
        }
    }

    private void sleepQuietly() {
        try {
            Thread.sleep(properties.pollInterval().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
