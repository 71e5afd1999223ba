package dev.quillstream.jobs;

/** Thrown inside a job whose cancellation was requested; ends it {@code cancelled}, never retried. */
public final class JobCancelled extends RuntimeException {

    public JobCancelled() {
        super("the job was cancelled");
    }
}
