package dev.quillstream.generation.web;

import dev.quillstream.generation.GenerationFailed;
import dev.quillstream.jobs.Job;
import dev.quillstream.jobs.Jobs;
import dev.quillstream.jobs.NewJob;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * How a generation request is answered once it is a job: queued, {@code 202} with the job's
 * location; or run while the caller waits, {@code 200} with the stored document (a failure is the
 * job's, as it was).
 */
@Component
class JobResponses {

    private final Jobs jobs;

    JobResponses(Jobs jobs) {
        this.jobs = jobs;
    }

    /**
     * @param stored finds the document the completed job stored, by its id
     * @param what names the document in the failure when none was stored
     */
    ResponseEntity<?> run(NewJob job, boolean async, Function<@Nullable UUID, Optional<?>> stored, String what)
            throws Exception {
        if (async) {
            Job queued = jobs.enqueue(job);
            return ResponseEntity.accepted()
                    .location(URI.create("/api/v1/jobs/" + queued.id()))
                    .body(Map.of(
                            "job_id", queued.id(), "status", queued.status().id()));
        }
        Jobs.Completed completed;
        try {
            completed = jobs.runHere(job);
        } catch (Jobs.JobFailure failure) {
            throw new GenerationFailed(failure.getMessage());
        }
        Object document = stored.apply(completed.outcome().resultId())
                .orElseThrow(() -> new GenerationFailed("the job completed without a stored " + what));
        return ResponseEntity.ok()
                .header("Quillstream-Job", completed.jobId().toString())
                .body(document);
    }
}
