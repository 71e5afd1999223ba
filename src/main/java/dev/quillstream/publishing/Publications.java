package dev.quillstream.publishing;

import dev.quillstream.export.ExportDocument;
import dev.quillstream.export.Exports;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Publishes stored content: the document comes from the export module, the publisher for the
 * target does the talking, and what it created is recorded (never the credentials) so the next
 * call to the same destination updates it. Calls for one content and destination run one at a
 * time (a database lock held while the target is called), so a double click cannot create two posts.
 */
@Service
public class Publications {

    private static final Logger log = LoggerFactory.getLogger(Publications.class);

    private final Exports exports;
    private final PublicationStore store;
    private final Map<PublishTarget, Publisher> publishers = new EnumMap<>(PublishTarget.class);
    private final TransactionTemplate transactions;

    Publications(
            Exports exports, PublicationStore store, List<Publisher> publishers, TransactionTemplate transactions) {
        this.exports = exports;
        this.store = store;
        publishers.forEach(p -> this.publishers.put(p.target(), p));
        this.transactions = transactions;
    }

    /** Publishes the owner's content; empty when the owner has no such content. */
    public Optional<PublishOutcome> publish(UUID owner, UUID contentId, PublishCommand request) {
        Optional<ExportDocument> document = exports.document(owner, contentId);
        if (document.isEmpty()) {
            return Optional.empty();
        }
        PublishCommand command = request.target() == PublishTarget.MEDIUM && request.canonicalUrl() == null
                ? request.withCanonicalUrl(canonicalUrl(contentId).orElse(null))
                : request;
        Publisher publisher = publishers.get(command.target());
        String destination = publisher.destination(document.get(), command);
        PublishOutcome outcome = transactions.execute(status -> {
            store.lock(contentId, command.target(), destination);
            PriorPublication prior =
                    store.find(contentId, command.target(), destination).orElse(null);
            PublishOutcome result = publisher.publish(document.get(), command, prior);
            store.save(contentId, command.target(), result);
            return result;
        });
        log.info(
                "Published content {} to {} at {}: {} {}",
                contentId,
                command.target().id(),
                destination,
                outcome.action(),
                outcome.externalId());
        return Optional.of(outcome);
    }

    /**
     * Where a cross-post should point search engines: the WordPress post it was published as,
     * else nothing (Medium then is the original).
     */
    private Optional<String> canonicalUrl(UUID contentId) {
        return store.list(contentId).stream()
                .filter(p -> p.target() == PublishTarget.WORDPRESS && p.url() != null)
                .map(PriorPublication::url)
                .findFirst();
    }

    /** Where the owner's content has been published; empty when the owner has no such content. */
    public Optional<List<PriorPublication>> list(UUID owner, UUID contentId) {
        return exports.document(owner, contentId).map(d -> store.list(contentId));
    }
}
