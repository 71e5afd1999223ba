package dev.quillstream.publishing.web;

import dev.quillstream.platform.web.InvalidField;
import dev.quillstream.publishing.PublishCommand;
import dev.quillstream.publishing.PublishTarget;
import dev.quillstream.publishing.medium.MediumPublisher;
import dev.quillstream.publishing.wordpress.WordPressPublisher;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** Checks a publishing request for its target and turns it into a command; a 400 names the field at fault. */
final class PublishRequests {

    private static final int MAX_TAGS = 50;

    private PublishRequests() {}

    static PublishCommand command(PublishTarget target, PublishRequest request) {
        List<String> tags = request.tags() == null ? List.of() : request.tags();
        List<String> categories = request.categories() == null ? List.of() : request.categories();
        if (tags.size() > MAX_TAGS || tags.stream().anyMatch(t -> t == null || t.length() > 100)) {
            throw new InvalidField("tags", "at most " + MAX_TAGS + " tags of at most 100 characters");
        }
        if (categories.size() > MAX_TAGS || categories.stream().anyMatch(t -> t == null || t.length() > 100)) {
            throw new InvalidField("categories", "at most " + MAX_TAGS + " categories of at most 100 characters");
        }
        String secret;
        switch (target) {
            case WORDPRESS -> {
                httpUrl("site_url", required("site_url", request.siteUrl()));
                required("username", request.username());
                secret = required("application_password", request.applicationPassword());
                oneOf("status", request.status(), WordPressPublisher.statuses());
                if (request.slug() != null && !request.slug().matches("[a-z0-9-]{1,200}")) {
                    throw new InvalidField("slug", "lower-case letters, digits and hyphens only");
                }
            }
            case MEDIUM -> {
                secret = required("token", request.token());
                oneOf("status", request.status(), MediumPublisher.STATUSES);
                if (request.canonicalUrl() != null) {
                    httpUrl("canonical_url", request.canonicalUrl());
                }
                if (request.publicationId() != null && !request.publicationId().matches("[A-Za-z0-9]{1,64}")) {
                    throw new InvalidField("publication_id", "must be a Medium publication id");
                }
                if (request.userId() != null && !request.userId().matches("[A-Za-z0-9]{1,128}")) {
                    throw new InvalidField("user_id", "must be a Medium user id");
                }
            }
            case GITHUB -> {
                secret = required("token", request.token());
                String repository = required("repository", request.repository());
                if (!repository.matches("[A-Za-z0-9_.-]{1,100}/[A-Za-z0-9_.-]{1,100}")) {
                    throw new InvalidField("repository", "must be owner/repo");
                }
                if (request.branch() != null && !request.branch().matches("[A-Za-z0-9._/-]{1,200}")) {
                    throw new InvalidField("branch", "is not a branch name");
                }
                String path = request.path();
                if (path != null
                        && (!path.matches("[A-Za-z0-9._/ -]{1,400}")
                                || path.startsWith("/")
                                || path.endsWith("/")
                                || path.contains("..")
                                || path.contains("//"))) {
                    throw new InvalidField("path", "must be a relative file path inside the repository");
                }
            }
            default -> throw new IllegalStateException(target.id());
        }
        return new PublishCommand(
                target,
                request.siteUrl(),
                request.username(),
                secret,
                request.status() == null ? null : request.status().toLowerCase(Locale.ROOT),
                categories,
                tags,
                request.slug(),
                request.excerpt(),
                request.publicationId(),
                request.userId(),
                request.canonicalUrl(),
                request.repository(),
                request.branch(),
                request.path(),
                request.commitMessage());
    }

    static PublishTarget target(@Nullable String target) {
        if (target == null || target.isBlank()) {
            throw new InvalidField("target", "is required: one of " + PublishTarget.known());
        }
        return PublishTarget.parse(target)
                .orElseThrow(() -> new InvalidField("target", "must be one of " + PublishTarget.known()));
    }

    private static String required(String field, @Nullable String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidField(field, "is required");
        }
        return value;
    }

    private static void oneOf(String field, @Nullable String value, List<String> allowed) {
        if (value != null && !allowed.contains(value.toLowerCase(Locale.ROOT))) {
            throw new InvalidField(field, "must be one of " + String.join(", ", allowed));
        }
    }

    private static void httpUrl(String field, String value) {
        try {
            URI uri = new URI(value.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
                throw new InvalidField(field, "must be an http or https URL");
            }
            if (uri.getRawUserInfo() != null) {
                throw new InvalidField(field, "must not carry credentials");
            }
        } catch (java.net.URISyntaxException e) {
            throw new InvalidField(field, "must be an http or https URL");
        }
    }
}
