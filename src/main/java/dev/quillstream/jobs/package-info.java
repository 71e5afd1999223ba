/**
 * Durable jobs in PostgreSQL: every generation runs as one, so that a worker's crash loses nothing.
 *
 * <p><b>The seam for a new kind of job.</b> Implement {@link dev.quillstream.jobs.JobHandler} as a
 * Spring bean: {@code kind()} names it (e.g. {@code "book"}), {@code run(JobContext)} does the work
 * and returns a {@link dev.quillstream.jobs.JobOutcome} (the stored document's id and a one-line
 * message for the conversation). Enqueue with {@link dev.quillstream.jobs.Jobs#enqueue(NewJob)} (or
 * run in the caller's thread with {@link dev.quillstream.jobs.Jobs#runHere(NewJob)}). Inside {@code
 * run}:
 *
 * <ul>
 *   <li>{@link dev.quillstream.jobs.JobContext#payload()} is the request as enqueued (JSON);
 *   <li>{@link dev.quillstream.jobs.JobContext#lastCheckpoint()} is the state saved by an earlier
 *       attempt (empty on the first): skip what it says is done;
 *   <li>{@link dev.quillstream.jobs.JobContext#checkpoint(String, int, tools.jackson.databind.JsonNode,
 *       tools.jackson.databind.JsonNode)} saves the state after each expensive step — one UPDATE
 *       writes the state, step, progress and usage so far, and only while this node still holds the
 *       lease (otherwise {@link dev.quillstream.jobs.JobLeaseLost} is thrown and the work stops);
 *   <li>{@link dev.quillstream.jobs.JobContext#throwIfCancelled()} between model calls (a cancel
 *       also interrupts the job's thread);
 *   <li>{@link dev.quillstream.jobs.JobContext#progress} and {@link
 *       dev.quillstream.jobs.JobContext#token} publish {@link dev.quillstream.jobs.JobEvent}s; the
 *       {@code conversation} module turns those of a job with a conversation into WebSocket events.
 * </ul>
 *
 * A failure is retried with exponential backoff up to the handler's {@code maxAttempts()} unless
 * {@link dev.quillstream.jobs.JobHandler#retryable(Exception)} says no; then the job is {@code
 * failed} with its reason and {@code POST /api/v1/jobs/{id}/retry} queues it again. A worker that
 * dies stops renewing its lease; after {@code QUILLSTREAM_JOB_LEASE} any worker node claims the job
 * ({@code FOR UPDATE SKIP LOCKED}) and the handler resumes from the last checkpoint.
 */
@NullMarked
@ApplicationModule(displayName = "Jobs")
package dev.quillstream.jobs;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
