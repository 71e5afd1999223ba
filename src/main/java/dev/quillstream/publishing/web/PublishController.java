package dev.quillstream.publishing.web;

import dev.quillstream.accounts.AccountId;
import dev.quillstream.platform.web.InvalidField;
import dev.quillstream.publishing.PriorPublication;
import dev.quillstream.publishing.Publications;
import dev.quillstream.publishing.PublishOutcome;
import dev.quillstream.publishing.PublishTarget;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code POST /api/v1/publish/{content_id}} with {@code target}, or the seed's
 * {@code POST /api/v1/publish/{wordpress|medium|github}} with {@code content_id}; and where a
 * content has been published. Responses never contain the credentials sent.
 */
@RestController
class PublishController {

    private final Publications publications;

    PublishController(Publications publications) {
        this.publications = publications;
    }

    record PublishResponse(
            String target,
            UUID contentId,
            String action,
            String externalId,
            @Nullable String url,
            @Nullable String status,
            String destination,
            @Nullable String message,
            List<String> warnings) {}

    record PublicationView(
            String target,
            String destination,
            String externalId,
            @Nullable String url,
            Instant firstPublishedAt,
            Instant lastPublishedAt) {}

    @PostMapping("/api/v1/publish/{contentId:[0-9a-fA-F]{8}-[0-9a-fA-F-]{27}}")
    PublishResponse publish(AccountId account, @PathVariable UUID contentId, @RequestBody PublishRequest request) {
        return publish(account, contentId, PublishRequests.target(request.target()), request);
    }

    @PostMapping("/api/v1/publish/{target:wordpress|medium|github}")
    PublishResponse publishTo(AccountId account, @PathVariable String target, @RequestBody PublishRequest request) {
        if (request.contentId() == null) {
            throw new InvalidField("content_id", "is required");
        }
        return publish(account, request.contentId(), PublishRequests.target(target), request);
    }

    @GetMapping("/api/v1/contents/{contentId}/publications")
    List<PublicationView> publications(AccountId account, @PathVariable UUID contentId) {
        return publications.list(account.value(), contentId).orElseThrow(() -> notFound(contentId)).stream()
                .map(PublishController::view)
                .toList();
    }

    private PublishResponse publish(AccountId account, UUID contentId, PublishTarget target, PublishRequest request) {
        PublishOutcome outcome = publications
                .publish(account.value(), contentId, PublishRequests.command(target, request))
                .orElseThrow(() -> notFound(contentId));
        return new PublishResponse(
                target.id(),
                contentId,
                outcome.action(),
                outcome.externalId(),
                outcome.url(),
                outcome.status(),
                outcome.destination(),
                outcome.message(),
                outcome.warnings());
    }

    private static PublicationView view(PriorPublication p) {
        return new PublicationView(
                p.target().id(), p.destination(), p.externalId(), p.url(), p.firstPublishedAt(), p.lastPublishedAt());
    }

    private static ResponseStatusException notFound(UUID contentId) {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, "no content " + contentId);
    }
}
