package dev.quillstream.jobs;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code jobs} table. Every write that finishes or advances a job names this node as the lease
 * owner, so a node that lost its lease can never overwrite the work of the node that took over.
 */
@Repository
class JobRepository {

    private static final String COLUMNS = "id, kind, owner_id, conversation_id, status, payload, checkpoint, step,"
            + " progress, attempts, max_attempts, result_id, usage, error, error_kind, cancel_requested, created_at,"
            + " updated_at, finished_at";

    private final JdbcClient jdbc;
    private final JsonMapper json;

    JobRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Inserts a queued job, or (with {@code node}) one already running under this node's lease. */
    Row insert(UUID id, NewJob job, int maxAttempts, @Nullable String node, Duration lease) {
        return jdbc.sql("""
                        insert into jobs (id, kind, owner_id, conversation_id, status, payload, max_attempts, attempts,
                            lease_owner, lease_until)
                        values (:id, :kind, :owner, :conversation, :status, cast(:payload as jsonb), :max, :attempts,
                            :node, case when :node::text is null then null else now() + :lease * interval '1 millisecond' end)
                        returning %s""".formatted(COLUMNS))
                .param("id", id)
                .param("kind", job.kind())
                .param("owner", job.owner())
                .param("conversation", job.conversationId())
                .param("status", node == null ? "queued" : "running")
                .param("payload", json.writeValueAsString(job.payload()))
                .param("max", maxAttempts)
                .param("attempts", node == null ? 0 : 1)
                .param("node", node)
                .param("lease", lease.toMillis())
                .query(this::row)
                .single();
    }

    /**
     * Claims up to {@code limit} due jobs of the given kinds: queued ones whose backoff is over, and
     * running ones whose lease expired (their worker died). Rows another node is claiming at the same
     * moment are skipped, not waited for.
     */
    List<Row> claim(String node, Collection<String> kinds, int limit, Duration lease) {
        if (kinds.isEmpty() || limit <= 0) {
            return List.of();
        }
        return jdbc.sql("""
                        update jobs j set status = 'running', lease_owner = :node,
                            lease_until = now() + :lease * interval '1 millisecond',
                            attempts = j.attempts + 1, updated_at = now()
                        from (select id from jobs
                              where kind in (:kinds)
                                and ((status = 'queued' and run_after <= now())
                                     or (status = 'running' and lease_until < now()))
                              order by run_after
                              limit :limit
                              for update skip locked) due
                        where j.id = due.id
                        returning %s""".formatted(prefixed(COLUMNS)))
                .param("node", node)
                .param("lease", lease.toMillis())
                .param("kinds", kinds)
                .param("limit", limit)
                .query(this::row)
                .list();
    }

    /** Renews this node's leases; returns the jobs it still holds (a missing one was taken over). */
    List<UUID> heartbeat(String node, Collection<UUID> ids, Duration lease) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        update jobs set lease_until = now() + :lease * interval '1 millisecond'
                        where id in (:ids) and lease_owner = :node and status = 'running'
                        returning id""")
                .param("node", node)
                .param("ids", ids)
                .param("lease", lease.toMillis())
                .query(UUID.class)
                .list();
    }

    /** Which of these jobs someone asked to cancel; {@code ids} may be a live view (it is copied once). */
    List<UUID> cancelRequested(Collection<UUID> ids) {
        // The IN list is expanded and bound in two passes: a set changing in between breaks the query.
        List<UUID> snapshot = List.copyOf(ids);
        if (snapshot.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select id from jobs where id in (:ids) and cancel_requested")
                .param("ids", snapshot)
                .query(UUID.class)
                .list();
    }

    /** Writes the checkpoint with its step, progress and usage; false when the lease is no longer ours. */
    boolean checkpoint(UUID id, String node, String step, int progress, JsonNode state, @Nullable JsonNode usage) {
        return jdbc.sql("""
                                update jobs set checkpoint = cast(:state as jsonb), step = :step, progress = :progress,
                                    usage = coalesce(cast(:usage as jsonb), usage), updated_at = now()
                                where id = :id and lease_owner = :node and status = 'running'""")
                        .param("id", id)
                        .param("node", node)
                        .param("step", step)
                        .param("progress", Math.clamp(progress, 0, 100))
                        .param("state", json.writeValueAsString(state))
                        .param("usage", usage == null ? null : json.writeValueAsString(usage))
                        .update()
                == 1;
    }

    boolean complete(UUID id, String node, @Nullable UUID result, @Nullable JsonNode usage) {
        return jdbc.sql("""
                                update jobs set status = 'completed', result_id = :result, progress = 100,
                                    usage = coalesce(cast(:usage as jsonb), usage), error = null, error_kind = null,
                                    lease_owner = null, lease_until = null, updated_at = now(), finished_at = now()
                                where id = :id and lease_owner = :node and status = 'running'""")
                        .param("id", id)
                        .param("node", node)
                        .param("result", result)
                        .param("usage", usage == null ? null : json.writeValueAsString(usage))
                        .update()
                == 1;
    }

    /** Ends an attempt that failed: queued again after {@code retryIn}, or final with {@code status}. */
    boolean fail(
            UUID id,
            String node,
            JobStatus status,
            String error,
            String errorKind,
            @Nullable Duration retryIn,
            @Nullable JsonNode usage) {
        return jdbc.sql("""
                                update jobs set status = :status, error = :error, error_kind = :kind,
                                    run_after = case when :retry::bigint is null then run_after
                                                     else now() + :retry * interval '1 millisecond' end,
                                    usage = coalesce(cast(:usage as jsonb), usage),
                                    lease_owner = null, lease_until = null, updated_at = now(),
                                    finished_at = case when :status in ('failed', 'cancelled') then now() end
                                where id = :id and lease_owner = :node and status = 'running'""")
                        .param("id", id)
                        .param("node", node)
                        .param("status", status.id())
                        .param("error", error)
                        .param("kind", errorKind)
                        .param("retry", retryIn == null ? null : retryIn.toMillis())
                        .param("usage", usage == null ? null : json.writeValueAsString(usage))
                        .update()
                == 1;
    }

    /** Gives a job back on shutdown: queued at once for another node, this attempt not counted. */
    void release(UUID id, String node) {
        jdbc.sql("""
                        update jobs set status = 'queued', run_after = now(), attempts = greatest(attempts - 1, 0),
                            lease_owner = null, lease_until = null, updated_at = now()
                        where id = :id and lease_owner = :node and status = 'running'""").param("id", id).param("node", node).update();
    }

    /** Fails jobs whose workers keep dying: their lease expired again after more than {@code maxAttempts + 2} claims. */
    List<Row> failAbandoned() {
        return jdbc.sql("""
                        update jobs set status = 'failed', error = 'its workers stopped ' || attempts || ' times',
                            error_kind = 'WorkerLost', lease_owner = null, lease_until = null,
                            updated_at = now(), finished_at = now()
                        where status = 'running' and lease_until < now() and attempts >= max_attempts + 2
                        returning %s""".formatted(COLUMNS)).query(this::row).list();
    }

    /** Asks a job to stop: a queued one is cancelled at once, a running one by its worker. */
    Optional<Row> requestCancel(UUID owner, UUID id) {
        return jdbc.sql("""
                        update jobs set cancel_requested = true, updated_at = now(),
                            status = case when status = 'queued' then 'cancelled' else status end,
                            finished_at = case when status = 'queued' then now() else finished_at end
                        where id = :id and owner_id = :owner and status in ('queued', 'running')
                        returning %s""".formatted(COLUMNS))
                .param("id", id)
                .param("owner", owner)
                .query(this::row)
                .optional();
    }

    /** Queues a failed or cancelled job again; it resumes from its last checkpoint. */
    Optional<Row> retry(UUID owner, UUID id) {
        return jdbc.sql("""
                        update jobs set status = 'queued', run_after = now(), attempts = 0, cancel_requested = false,
                            error = null, error_kind = null, finished_at = null, updated_at = now()
                        where id = :id and owner_id = :owner and status in ('failed', 'cancelled')
                        returning %s""".formatted(COLUMNS))
                .param("id", id)
                .param("owner", owner)
                .query(this::row)
                .optional();
    }

    Optional<Row> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from jobs where id = :id")
                .param("id", id)
                .query(this::row)
                .optional();
    }

    private static String prefixed(String columns) {
        return String.join(
                ", ",
                java.util.Arrays.stream(columns.split(","))
                        .map(c -> "j." + c.strip())
                        .toList());
    }

    private Row row(ResultSet rs, int n) throws SQLException {
        Job job = new Job(
                rs.getObject("id", UUID.class),
                rs.getString("kind"),
                rs.getObject("owner_id", UUID.class),
                rs.getString("conversation_id"),
                JobStatus.of(rs.getString("status")),
                rs.getString("step"),
                rs.getInt("progress"),
                rs.getInt("attempts"),
                rs.getInt("max_attempts"),
                rs.getObject("result_id", UUID.class),
                jsonOrNull(rs.getString("usage")),
                rs.getString("error"),
                rs.getString("error_kind"),
                rs.getBoolean("cancel_requested"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant(),
                instantOrNull(rs.getTimestamp("finished_at")));
        return new Row(job, json.readTree(rs.getString("payload")), jsonOrNull(rs.getString("checkpoint")));
    }

    private @Nullable JsonNode jsonOrNull(@Nullable String text) {
        return text == null ? null : json.readTree(text);
    }

    private static java.time.@Nullable Instant instantOrNull(@Nullable Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    /** A job with what only its worker needs: the request and the last checkpoint. */
    record Row(Job job, JsonNode payload, @Nullable JsonNode checkpoint) {}
}
