package dev.quillstream.publishing;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One publishing call: the target's options and the caller's credentials for it. Credentials are
 * used for this call only — never stored, never logged ({@link #toString()} leaves them out),
 * never echoed in a response or an error.
 *
 * @param siteUrl WordPress site (self-hosted or wordpress.com with application passwords)
 * @param secret WordPress application password, Medium integration token or GitHub token
 * @param status WordPress {@code draft|publish|pending|private}; Medium {@code draft|public|unlisted}
 * @param publicationId Medium publication to post to instead of the user's profile
 * @param repository GitHub {@code owner/repo}
 * @param path GitHub file path (default {@code content/posts/<slug>.md})
 */
public record PublishCommand(
        PublishTarget target,
        @Nullable String siteUrl,
        @Nullable String username,
        @Nullable String secret,
        @Nullable String status,
        List<String> categories,
        List<String> tags,
        @Nullable String slug,
        @Nullable String excerpt,
        @Nullable String publicationId,
        @Nullable String userId,
        @Nullable String canonicalUrl,
        @Nullable String repository,
        @Nullable String branch,
        @Nullable String path,
        @Nullable String commitMessage) {

    public PublishCommand {
        categories = categories == null ? List.of() : List.copyOf(categories);
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    /** The same command with another canonical URL (Medium). */
    public PublishCommand withCanonicalUrl(@Nullable String url) {
        return new PublishCommand(
                target,
                siteUrl,
                username,
                secret,
                status,
                categories,
                tags,
                slug,
                excerpt,
                publicationId,
                userId,
                url,
                repository,
                branch,
                path,
                commitMessage);
    }

    /** The secret, which must be present by the time a publisher runs (checked at the web edge). */
    public String requiredSecret() {
        if (secret == null || secret.isBlank()) {
            throw new IllegalStateException("no credentials");
        }
        return secret;
    }

    @Override
    public String toString() {
        return "PublishCommand[target=" + target.id() + ", siteUrl=" + siteUrl + ", repository=" + repository
                + ", path=" + path + ", publicationId=" + publicationId + ", credentials=<redacted>]";
    }
}
