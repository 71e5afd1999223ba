package dev.quillstream.jobs.web;

import dev.quillstream.accounts.AccountId;
import dev.quillstream.jobs.Job;
import dev.quillstream.jobs.Jobs;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** {@code GET /api/v1/jobs/{id}}, {@code POST .../cancel} and {@code POST .../retry}. */
@RestController
@RequestMapping("/api/v1/jobs")
class JobController {

    private final Jobs jobs;

    JobController(Jobs jobs) {
        this.jobs = jobs;
    }

    @GetMapping("/{id}")
    JobView get(AccountId account, @PathVariable UUID id) {
        return jobs.find(account.value(), id).map(JobView::of).orElseThrow(JobController::notFound);
    }

    /** Stops a queued or running job promptly; a job that already ended is a 409. */
    @PostMapping("/{id}/cancel")
    JobView cancel(AccountId account, @PathVariable UUID id) {
        return jobs.cancel(account.value(), id).map(JobView::of).orElseThrow(() -> conflictOrMissing(account, id));
    }

    /** Queues a failed or cancelled job again; it resumes from its last checkpoint. Other states are a 409. */
    @PostMapping("/{id}/retry")
    JobView retry(AccountId account, @PathVariable UUID id) {
        return jobs.retry(account.value(), id).map(JobView::of).orElseThrow(() -> conflictOrMissing(account, id));
    }

    private ResponseStatusException conflictOrMissing(AccountId account, UUID id) {
        return jobs.find(account.value(), id)
                .map(job -> new ResponseStatusException(
                        HttpStatus.CONFLICT, "the job is " + job.status().id()))
                .orElseGet(JobController::notFound);
    }

    private static ResponseStatusException notFound() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, "no such job");
    }

    /** A job as the API shows it (no payload, no checkpoint: they may be large and are internal). */
    record JobView(
            UUID id,
            String kind,
            String status,
            String step,
            int progress,
            int attempts,
            int maxAttempts,
            UUID resultId,
            String conversationId,
            tools.jackson.databind.JsonNode usage,
            String error,
            boolean cancelRequested,
            java.time.Instant createdAt,
            java.time.Instant updatedAt,
            java.time.Instant finishedAt) {

        static JobView of(Job job) {
            return new JobView(
                    job.id(),
                    job.kind(),
                    job.status().id(),
                    job.step(),
                    job.progress(),
                    job.attempts(),
                    job.maxAttempts(),
                    job.resultId(),
                    job.conversationId(),
                    job.usage(),
                    job.error(),
                    job.cancelRequested(),
                    job.createdAt(),
                    job.updatedAt(),
                    job.finishedAt());
        }
    }
}
