package dev.quillstream.accounts;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The money and tokens each account's generations spent, per provider and model. */
@Service
public class UsageLedger {

    private final JdbcClient jdbc;

    UsageLedger(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records one generation: a row per provider and model it used. */
    @Transactional
    public void record(AccountId account, Generation generation) {
        for (Line line : generation.lines()) {
            jdbc.sql("""
                            insert into usage_ledger (id, account_id, job_id, content_id, kind, outcome, provider, model,
                                calls, cached_calls, prompt_tokens, completion_tokens, cost_usd)
                            values (:id, :account, :job, :content, :kind, :outcome, :provider, :model,
                                :calls, :cached, :prompt, :completion, :cost)
                            """)
                    .param("id", UUID.randomUUID())
                    .param("account", account.value())
                    .param("job", generation.jobId())
                    .param("content", generation.contentId())
                    .param("kind", generation.kind())
                    .param("outcome", generation.completed() ? "completed" : "failed")
                    .param("provider", line.provider())
                    .param("model", line.model())
                    .param("calls", line.calls())
                    .param("cached", line.cachedCalls())
                    .param("prompt", line.promptTokens())
                    .param("completion", line.completionTokens())
                    .param("cost", BigDecimal.valueOf(line.costUsd()).setScale(6, RoundingMode.HALF_UP))
                    .update();
        }
    }

    /** The account's spend since {@code since}, per provider and model, most expensive first. */
    public List<Line> totals(AccountId account, Instant since) {
        return jdbc.sql("""
                        select provider, model, sum(calls) as calls, sum(cached_calls) as cached,
                               sum(prompt_tokens) as prompt, sum(completion_tokens) as completion, sum(cost_usd) as cost
                        from usage_ledger
                        where account_id = :account and created_at >= :since
                        group by provider, model
                        order by sum(cost_usd) desc, provider, model
                        """)
                .param("account", account.value())
                .param("since", java.sql.Timestamp.from(since))
                .query((row, n) -> new Line(
                        row.getString("provider"),
                        row.getString("model"),
                        row.getInt("calls"),
                        row.getInt("cached"),
                        row.getLong("prompt"),
                        row.getLong("completion"),
                        row.getBigDecimal("cost").doubleValue()))
                .list();
    }

    /**
     * One generation's usage.
     *
     * @param contentId the document it produced; null when it failed or was stopped
     * @param jobId the durable job that ran it, when one did
     */
    public record Generation(
            String kind,
            boolean completed,
            @Nullable UUID contentId,
            @Nullable UUID jobId,
            List<Line> lines) {

        public Generation {
            Objects.requireNonNull(kind, "kind");
            lines = List.copyOf(lines);
        }
    }

    /** Usage of one provider's model. */
    public record Line(
            String provider,
            String model,
            int calls,
            int cachedCalls,
            long promptTokens,
            long completionTokens,
            double costUsd) {}
}
