package dev.quillstream.jobs;

/**
 * Runs the jobs of one kind. A Spring bean implementing this is found by its {@link #kind()}; the
 * run may be an attempt after a crash or a failure, so it starts from {@link
 * JobContext#lastCheckpoint()} when there is one.
 */
public interface JobHandler {

    /** The kind this handler runs, as given to {@link NewJob}: e.g. {@code blog}, {@code book}. */
    String kind();

    /**
     * Does the work. Throwing fails this attempt: it is retried (after a backoff) while attempts
     * remain and {@link #retryable(Exception)} says so; otherwise the job ends {@code failed} with
     * the exception's message.
     */
    JobOutcome run(JobContext context) throws Exception;

    /** Whether another attempt could succeed; a bad request or a spent budget would fail the same way. */
    default boolean retryable(Exception failure) {
        return true;
    }

    /** Attempts of an asynchronous job, the first included; crashes of a worker count as attempts. */
    default int maxAttempts() {
        return 3;
    }
}
