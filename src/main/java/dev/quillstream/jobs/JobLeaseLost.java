package dev.quillstream.jobs;

/**
 * Thrown when this node no longer holds a job's lease (it stalled past the lease and another node
 * took the job over): the work stops here without touching the job, the other node owns it now.
 */
public final class JobLeaseLost extends RuntimeException {

    public JobLeaseLost(java.util.UUID job) {
        super("this node no longer holds the lease of job " + job);
    }
}
