package dev.quillstream.generation.web;

import dev.quillstream.accounts.AccountId;
import dev.quillstream.accounts.UsageLedger;
import dev.quillstream.content.BlogMetadata;
import dev.quillstream.content.BlogPost;
import dev.quillstream.generation.GenerationListener;
import java.util.UUID;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Runs a generation and writes what it cost to the caller's usage ledger when it ends: completed
 * with the stored document's id, or failed (a provider failure, an invalid post, a budget stop).
 */
@Component
class UsageRecording {

    private static final Logger log = LoggerFactory.getLogger(UsageRecording.class);

    private final UsageLedger ledger;

    UsageRecording(UsageLedger ledger) {
        this.ledger = ledger;
    }

    /** {@code work} writes and stores the post with the listener it is given. */
    BlogPost recorded(AccountId account, Function<GenerationListener, BlogPost> work) {
        return recorded(account, "blog", work, post -> UUID.fromString(post.id()));
    }

    /**
     * {@code work} writes (or edits) and stores a document of {@code kind} with the listener it is
     * given; {@code id} names the stored document.
     */
    <T> T recorded(AccountId account, String kind, Function<GenerationListener, T> work, Function<T, UUID> id) {
        Capture capture = new Capture();
        T stored = null;
        try {
            stored = work.apply(capture);
            return stored;
        } finally {
            if (capture.usage != null && capture.usage.calls() > 0) {
                write(account, kind, capture.usage, stored == null ? null : id.apply(stored));
            }
        }
    }

    private void write(AccountId account, String kind, BlogMetadata.Usage usage, @Nullable UUID contentId) {
        try {
            ledger.record(
                    account,
                    new UsageLedger.Generation(
                            kind,
                            contentId != null,
                            contentId,
                            null,
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
            log.error("Could not record the usage of a generation for account {}", account.value(), e);
        }
    }

    private static final class Capture implements GenerationListener {
        private volatile BlogMetadata.@Nullable Usage usage;

        @Override
        public void usageRecorded(BlogMetadata.Usage recorded) {
            this.usage = recorded;
        }
    }
}
