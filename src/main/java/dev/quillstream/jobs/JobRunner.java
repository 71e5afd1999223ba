package dev.quillstream.jobs;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Runs one attempt of a claimed job with its handler and records how it ended: completed, queued
 * again after a backoff, failed, or cancelled. A node that lost the lease records nothing.
 */
@Component
class JobRunner {

    private static final Logger log = LoggerFactory.getLogger(JobRunner.class);

    private final Map<String, JobHandler> handlers;
    private final JobRepository repository;
    private final ApplicationEventPublisher events;
    private final JobsProperties properties;
    private final MeterRegistry metrics;
    final String node;

    JobRunner(
            java.util.List<JobHandler> handlers,
            JobRepository repository,
            ApplicationEventPublisher events,
            JobsProperties properties,
            NodeName node,
            MeterRegistry metrics) {
        this.metrics = metrics;
        this.handlers = handlers.stream().collect(Collectors.toUnmodifiableMap(JobHandler::kind, h -> h));
        this.repository = repository;
        this.events = events;
        this.properties = properties;
        this.node = node.value();
    }

    java.util.Set<String> kinds() {
        return handlers.keySet();
    }

    Optional<JobHandler> handler(String kind) {
        return Optional.ofNullable(handlers.get(kind));
    }

    JobExecution prepare(JobRepository.Row row) {
        return new JobExecution(row, node, repository, events);
    }

    /**
     * Runs the attempt on the calling thread.
     *
     * @return the outcome when the job completed
     * @throws Exception the handler's failure, as it was thrown, once recorded
     */
    JobOutcome run(JobExecution execution) throws Exception {
        Job job = execution.job();
        JobHandler handler = handler(job.kind())
                .orElseThrow(() -> new IllegalStateException("no handler for job kind " + job.kind()));
        execution.runsOn(Thread.currentThread());
        try {
            JobOutcome outcome = handler.run(execution);
            if (execution.leaseLost() || !repository.complete(job.id(), node, outcome.resultId(), execution.usage())) {
                throw new JobLeaseLost(job.id());
            }
            count(job, "completed");
            events.publishEvent(new JobEvent.JobCompleted(
                    job.id(), job.conversationId(), job.kind(), job.owner(), outcome.resultId(), outcome.message()));
            return outcome;
        } catch (Exception failure) {
            recordFailure(execution, handler, failure);
            throw failure;
        } finally {
            // A cancel or lease loss may have interrupted the thread; the interrupt is not the caller's.
            Thread.interrupted();
        }
    }

    private void recordFailure(JobExecution execution, JobHandler handler, Exception failure) {
        Job job = execution.job();
        if (execution.leaseLost() || failure instanceof JobLeaseLost) {
            log.warn("Job {} was taken over by another node; this node stops working on it", job.id());
            return;
        }
        String reason = reason(failure);
        if (execution.isCancelled() || failure instanceof JobCancelled) {
            repository.fail(job.id(), node, JobStatus.CANCELLED, "cancelled", "JobCancelled", null, execution.usage());
            events.publishEvent(
                    new JobEvent.JobFailed(job.id(), job.conversationId(), job.kind(), "cancelled", false, true));
            return;
        }
        boolean retry = job.attempts() < job.maxAttempts() && handler.retryable(failure);
        Duration backoff = retry ? properties.backoff(job.attempts()) : null;
        repository.fail(
                job.id(),
                node,
                retry ? JobStatus.QUEUED : JobStatus.FAILED,
                reason,
                failure.getClass().getSimpleName(),
                backoff,
                execution.usage());
        count(job, retry ? "retried" : "failed");
        if (retry) {
            log.warn("Job {} attempt {} failed, retrying in {}: {}", job.id(), job.attempts(), backoff, reason);
        } else {
            log.warn("Job {} failed after {} attempt(s): {}", job.id(), job.attempts(), reason);
        }
        events.publishEvent(new JobEvent.JobFailed(job.id(), job.conversationId(), job.kind(), reason, retry, false));
    }

    /** {@code quillstream_jobs_total{kind, outcome}}: attempts by how they ended. */
    private void count(Job job, String outcome) {
        metrics.counter("quillstream.jobs", "kind", job.kind(), "outcome", outcome)
                .increment();
    }

    private static String reason(Throwable failure) {
        String message = failure.getMessage();
        return message == null || message.isBlank() ? failure.getClass().getSimpleName() : message;
    }
}
