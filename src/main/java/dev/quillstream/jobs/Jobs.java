package dev.quillstream.jobs;

import dev.quillstream.platform.roles.NodeRoles;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;

/** Queues, runs, shows, cancels and retries durable jobs. */
@Service
public class Jobs {

    private final JobRepository repository;
    private final JobRunner runner;
    private final JobWorker worker;
    private final JobsProperties properties;
    private final NodeRoles roles;

    Jobs(JobRepository repository, JobRunner runner, JobWorker worker, JobsProperties properties, NodeRoles roles) {
        this.repository = repository;
        this.runner = runner;
        this.worker = worker;
        this.properties = properties;
        this.roles = roles;
    }

    /** Queues a job for any worker node; it starts within a poll interval (at once on this node if it is a worker). */
    public Job enqueue(NewJob job) {
        return enqueue(UUID.randomUUID(), job);
    }

    /**
     * As {@link #enqueue(NewJob)} with an id chosen by the caller — to refer to the job in what it
     * records before the job can start (a conversation's message, which must precede the job's events).
     */
    public Job enqueue(UUID id, NewJob job) {
        JobHandler handler = handlerFor(job.kind());
        Job queued = repository
                .insert(id, job, handler.maxAttempts(), null, properties.lease())
                .job();
        worker.wakeUp();
        return queued;
    }

    /**
     * Runs a job for a caller that waits for it (a synchronous HTTP request): on this node's thread
     * when it is a worker, under a lease like any job — so if this node dies another finishes it —
     * with one attempt, since the caller is told of a failure and can retry; otherwise queued for a
     * worker node and awaited.
     *
     * @throws Exception the handler's own failure when it ran here, {@link JobFailure} when it ran elsewhere
     */
    public Completed runHere(NewJob job) throws Exception {
        handlerFor(job.kind());
        if (!roles.worker()) {
            return awaitRemote(enqueue(job).id());
        }
        JobRepository.Row row = repository.insert(UUID.randomUUID(), job, 1, runner.node, properties.lease());
        JobExecution execution = runner.prepare(row);
        worker.track(execution);
        try {
            return new Completed(row.job().id(), runner.run(execution));
        } finally {
            worker.untrack(execution);
        }
    }

    /** The job, when {@code owner} owns it. */
    public Optional<Job> find(UUID owner, UUID id) {
        return repository
                .find(id)
                .map(JobRepository.Row::job)
                .filter(job -> job.owner().equals(owner));
    }

    /** Asks a queued or running job to stop; empty when there is no such job of the owner's still going. */
    public Optional<Job> cancel(UUID owner, UUID id) {
        Optional<Job> job = repository.requestCancel(owner, id).map(JobRepository.Row::job);
        job.ifPresent(j -> worker.cancelLocally(j.id()));
        return job;
    }

    /** Queues a failed or cancelled job again, to resume from its last checkpoint. */
    public Optional<Job> retry(UUID owner, UUID id) {
        Optional<Job> job = repository.retry(owner, id).map(JobRepository.Row::job);
        job.ifPresent(j -> worker.wakeUp());
        return job;
    }

    private JobHandler handlerFor(String kind) {
        return runner.handler(kind).orElseThrow(() -> new IllegalArgumentException("no job handler for " + kind));
    }

    private Completed awaitRemote(UUID id) throws InterruptedException {
        Instant started = Instant.now();
        Duration wait = Duration.ofMillis(50);
        while (true) {
            Job job = repository.find(id).orElseThrow().job();
            switch (job.status()) {
                case COMPLETED -> {
                    return new Completed(id, new JobOutcome(job.resultId(), "completed"));
                }
                case FAILED, CANCELLED -> throw new JobFailure(job);
                default -> {}
            }
            if (Duration.between(started, Instant.now()).toHours() >= 2) {
                throw new JobFailure(job);
            }
            Thread.sleep(wait.toMillis());
            wait = wait.multipliedBy(2).compareTo(properties.pollInterval()) > 0
                    ? properties.pollInterval()
                    : wait.multipliedBy(2);
        }
    }

    /** A job that completed, as a waiting caller receives it. */
    public record Completed(UUID jobId, JobOutcome outcome) {}

    /** A job that ended without completing, seen by a caller waiting for it on another node. */
    public static final class JobFailure extends RuntimeException {
        private final transient Job job;

        JobFailure(Job job) {
            super(job.error() == null ? "the job ended " + job.status().id() : job.error());
            this.job = job;
        }

        public Job job() {
            return job;
        }
    }
}
