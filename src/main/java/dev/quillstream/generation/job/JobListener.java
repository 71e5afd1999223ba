package dev.quillstream.generation.job;

import dev.quillstream.content.BlogMetadata;
import dev.quillstream.generation.BlogCheckpoints;
import dev.quillstream.generation.BookCheckpoints;
import dev.quillstream.generation.GenerationListener;
import dev.quillstream.generation.UsageSum;
import dev.quillstream.jobs.JobContext;
import dev.quillstream.jobs.JobOutcome;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A generation as its job tells it: steps and parts become progress events, text becomes token
 * events, the pipeline's saved state becomes the job's checkpoint (with the usage so far), and a
 * cancelled job stops the pipeline before its next model call. Blog and book runs save and stop
 * through the same three calls.
 */
final class JobListener implements GenerationListener, BlogCheckpoints, BookCheckpoints {

    private final JobContext job;
    private final JsonMapper json;
    private volatile int percent;
    private volatile BlogMetadata.@Nullable Usage usage;

    JobListener(JobContext job, JsonMapper json) {
        this.job = job;
        this.json = json;
    }

    BlogMetadata.@Nullable Usage usage() {
        return usage;
    }

    @Override
    public void stepStarted(String step, int index, int total) {
        job.progress(step, percent, Map.of("state", "started", "index", index, "total", total));
    }

    @Override
    public void stepFinished(String step, int index, int total, Duration took) {
        percent = Math.max(percent, Math.min(99, 100 * index / total));
        job.progress(
                step, percent, Map.of("state", "finished", "index", index, "total", total, "took_ms", took.toMillis()));
    }

    @Override
    public void partFinished(String step, String part) {
        job.progress(step, percent, Map.of("state", "part_finished", "part", part));
    }

    @Override
    public void onToken(String step, String part, String delta) {
        job.token(step, part, delta);
    }

    @Override
    public void onRestart(String step, String part) {
        job.progress(step, percent, Map.of("state", "part_restarted", "part", part));
    }

    @Override
    public void usageRecorded(BlogMetadata.Usage recorded) {
        this.usage = recorded;
    }

    @Override
    public Optional<JsonNode> saved() {
        return job.lastCheckpoint();
    }

    @Override
    public void save(String step, int progress, JsonNode state) {
        percent = Math.max(percent, progress);
        job.checkpoint(step, progress, state, state.get("usage"));
    }

    @Override
    public void beforeModelCall() {
        job.throwIfCancelled();
    }

    /**
     * Runs one attempt of a generation through a listener of its own and, however it ends, records
     * what it spent. A resumed attempt counts only its own spend: the checkpoint it started from
     * carries what earlier attempts recorded.
     */
    static JobOutcome attempt(
            JobContext job,
            JsonMapper json,
            UsageRecording ledger,
            String kind,
            boolean resumable,
            Function<JobListener, JobOutcome> work) {
        JobListener listener = new JobListener(job, json);
        BlogMetadata.@Nullable Usage earlier = resumable ? earlierUsage(job, json) : null;
        JobOutcome outcome = null;
        try {
            outcome = work.apply(listener);
            return outcome;
        } finally {
            listener.recordUsage(ledger, kind, earlier, outcome == null ? null : outcome.resultId());
        }
    }

    /**
     * Once the run ended: its total usage shown on the job, and what this attempt spent (the total
     * less what {@code earlier} attempts recorded) written to the usage ledger.
     */
    private void recordUsage(
            UsageRecording ledger, String kind, BlogMetadata.@Nullable Usage earlier, @Nullable UUID stored) {
        BlogMetadata.Usage total = usage;
        if (total == null) {
            return;
        }
        job.usage(json.valueToTree(total));
        ledger.record(kind, job.owner(), job.jobId(), earlier == null ? total : UsageSum.minus(total, earlier), stored);
    }

    /** The usage recorded in the checkpoint this attempt started from (spent by earlier attempts). */
    private static BlogMetadata.@Nullable Usage earlierUsage(JobContext job, JsonMapper json) {
        return job.lastCheckpoint()
                .map(state -> state.get("usage"))
                .filter(node -> node != null && !node.isNull())
                .map(node -> json.treeToValue(node, BlogMetadata.Usage.class))
                .orElse(null);
    }
}
