package dev.quillstream.publishing;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * What an earlier publishing of the same content to the same destination created.
 *
 * @param destination the site, Medium profile or publication, or repository file it went to
 * @param externalId the target's id of the post (WordPress post id, Medium post id, GitHub path)
 * @param revision the version the target last reported (GitHub's blob sha), when it has one
 */
public record PriorPublication(
        PublishTarget target,
        String destination,
        String externalId,
        @Nullable String url,
        @Nullable String revision,
        Instant firstPublishedAt,
        Instant lastPublishedAt) {}
