package dev.quillstream.jobs;

import java.util.Locale;

/** Where a job is: {@code queued} (waiting or backing off), {@code running}, or one of the final three. */
public enum JobStatus {
    QUEUED,
    RUNNING,
    COMPLETED,
    FAILED,
    CANCELLED;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean isFinal() {
        return this == COMPLETED || this == FAILED || this == CANCELLED;
    }

    static JobStatus of(String id) {
        return valueOf(id.toUpperCase(Locale.ROOT));
    }
}
