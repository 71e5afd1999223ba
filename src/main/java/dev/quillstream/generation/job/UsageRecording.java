package dev.quillstream.generation.job;

import dev.quillstream.accounts.AccountId;
import dev.quillstream.accounts.UsageLedger;
import dev.quillstream.content.BlogMetadata;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Writes what an attempt of a generation job cost to its account's usage ledger, with the job's
 * id: completed with the stored document's id, or failed (a provider failure, an invalid post, a
 * budget stop, a cancel).
 */
@Component
class UsageRecording {

    private static final Logger log = LoggerFactory.getLogger(UsageRecording.class);

    private final UsageLedger ledger;

    UsageRecording(UsageLedger ledger) {
        this.ledger = ledger;
    }

    void record(String kind, UUID account, UUID job, BlogMetadata.Usage usage, @Nullable UUID contentId) {
        if (usage.calls() == 0) {
            return;
        }
        try {
            ledger.record(
                    new AccountId(account),
                    new UsageLedger.Generation(
                            kind,
                            contentId != null,
                            contentId,
                            job,
                            usage.providers().stream()
                                    .map(p -> new UsageLedger.Line(
                                            p.provider(),
                                            p.model(),
                                            p.calls(),
                                            p.cachedCalls(),
                                            p.promptTokens(),
                                            p.completionTokens(),
                                            p.costUsd()))
                                    .toList()));
        } catch (RuntimeException e) {
            // The post is stored and answered; a missing ledger row must not turn that into an error.
            log.error("Could not record the usage of job {} for account {}", job, account, e);
        }
    }
}
