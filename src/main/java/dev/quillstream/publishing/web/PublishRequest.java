package dev.quillstream.publishing.web;

import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The body of {@code POST /api/v1/publish/{content_id}} (or of the seed's
 * {@code /api/v1/publish/{target}} with {@code content_id} in the body). Which fields count depends
 * on the target; credentials ({@code application_password}, {@code token}) are used for the call only.
 */
record PublishRequest(
        @Nullable String target,
        @Nullable UUID contentId,
        @Nullable String siteUrl,
        @Nullable String username,
        @Nullable String applicationPassword,
        @Nullable String token,
        @Nullable String status,
        @Nullable List<String> categories,
        @Nullable List<String> tags,
        @Nullable String slug,
        @Nullable String excerpt,
        @Nullable String publicationId,
        @Nullable String userId,
        @Nullable String canonicalUrl,
        @Nullable String repository,
        @Nullable String branch,
        @Nullable String path,
        @Nullable String commitMessage) {

    @Override
    public String toString() {
        return "PublishRequest[target=" + target + ", contentId=" + contentId + ", credentials=<redacted>]";
    }
}
