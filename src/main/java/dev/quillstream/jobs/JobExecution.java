package dev.quillstream.jobs;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import tools.jackson.databind.JsonNode;

/** One attempt at a job on this node: the {@link JobContext} its handler sees. */
final class JobExecution implements JobContext {

    private final JobRepository.Row row;
    private final String node;
    private final JobRepository repository;
    private final ApplicationEventPublisher events;
    private volatile @Nullable JsonNode checkpoint;
    private volatile @Nullable JsonNode usage;
    private volatile boolean cancelled;
    private volatile boolean leaseLost;
    private volatile @Nullable Thread thread;

    JobExecution(JobRepository.Row row, String node, JobRepository repository, ApplicationEventPublisher events) {
        this.row = row;
        this.node = node;
        this.repository = repository;
        this.events = events;
        this.checkpoint = row.checkpoint();
        this.usage = row.job().usage();
        this.cancelled = row.job().cancelRequested();
    }

    Job job() {
        return row.job();
    }

    void runsOn(Thread current) {
        this.thread = current;
    }

    /** Cancellation was requested: the handler sees it at its next check, and a blocked call is interrupted. */
    void cancel() {
        cancelled = true;
        interrupt();
    }

    /** Another node owns the job now: stop without writing anything. */
    void loseLease() {
        leaseLost = true;
        interrupt();
    }

    boolean leaseLost() {
        return leaseLost;
    }

    private void interrupt() {
        Thread running = thread;
        if (running != null) {
            running.interrupt();
        }
    }

    @Nullable
    JsonNode usage() {
        return usage;
    }

    @Override
    public UUID jobId() {
        return row.job().id();
    }

    @Override
    public String kind() {
        return row.job().kind();
    }

    @Override
    public UUID owner() {
        return row.job().owner();
    }

    @Override
    public @Nullable String conversationId() {
        return row.job().conversationId();
    }

    @Override
    public JsonNode payload() {
        return row.payload();
    }

    @Override
    public int attempt() {
        return row.job().attempts();
    }

    @Override
    public Optional<JsonNode> lastCheckpoint() {
        return Optional.ofNullable(checkpoint);
    }

    @Override
    public void checkpoint(String step, int progress, JsonNode state, @Nullable JsonNode usageSoFar) {
        throwIfCancelled();
        if (leaseLost || !repository.checkpoint(jobId(), node, step, progress, state, usageSoFar)) {
            leaseLost = true;
            throw new JobLeaseLost(jobId());
        }
        this.checkpoint = state;
        if (usageSoFar != null) {
            this.usage = usageSoFar;
        }
    }

    @Override
    public void usage(JsonNode usageSoFar) {
        this.usage = usageSoFar;
    }

    @Override
    public boolean isCancelled() {
        return cancelled;
    }

    @Override
    public void throwIfCancelled() {
        if (leaseLost) {
            throw new JobLeaseLost(jobId());
        }
        JobContext.super.throwIfCancelled();
    }

    @Override
    public void progress(String step, int percent, Map<String, Object> data) {
        if (!leaseLost) {
            events.publishEvent(
                    new JobEvent.JobProgressed(jobId(), conversationId(), step, Math.clamp(percent, 0, 100), data));
        }
    }

    @Override
    public void token(String step, String part, String delta) {
        if (!leaseLost) {
            events.publishEvent(new JobEvent.JobTokenProduced(jobId(), conversationId(), step, part, delta));
        }
    }
}
