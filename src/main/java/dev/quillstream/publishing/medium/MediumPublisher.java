package dev.quillstream.publishing.medium;

import dev.quillstream.export.ExportDocument;
import dev.quillstream.export.MarkdownExporter;
import dev.quillstream.export.SafeHtml;
import dev.quillstream.publishing.PriorPublication;
import dev.quillstream.publishing.PublishCommand;
import dev.quillstream.publishing.PublishFailed;
import dev.quillstream.publishing.PublishOutcome;
import dev.quillstream.publishing.PublishTarget;
import dev.quillstream.publishing.Publisher;
import dev.quillstream.publishing.support.JsonHttp;
import dev.quillstream.publishing.support.ProviderErrors;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Medium's API ({@code POST /users/<id>/posts} or {@code /publications/<id>/posts}) with an
 * integration token, content as Markdown, a canonical URL and at most five tags. Medium's API
 * cannot update or delete a post: a repeat returns the post made the first time and says so,
 * instead of creating a duplicate.
 */
public final class MediumPublisher implements Publisher {

    public static final int MAX_TAGS = 5;
    public static final List<String> STATUSES = List.of("draft", "public", "unlisted");
    static final String NO_UPDATES =
            "Medium's API cannot update a post: this is the post published earlier, unchanged." + " Edit it on Medium.";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JsonHttp http;
    private final URI api;
    private final MarkdownExporter markdown;
    private final Clock clock;

    public MediumPublisher(JsonHttp http, URI api, MarkdownExporter markdown, Clock clock) {
        this.http = http;
        this.api = URI.create(api.toString().replaceAll("/+$", "") + "/");
        this.markdown = markdown;
        this.clock = clock;
    }

    @Override
    public PublishTarget target() {
        return PublishTarget.MEDIUM;
    }

    @Override
    public String destination(ExportDocument document, PublishCommand command) {
        if (command.publicationId() != null) {
            return "publication:" + command.publicationId();
        }
        return "user:" + (command.userId() == null ? "me" : command.userId());
    }

    @Override
    public PublishOutcome publish(ExportDocument document, PublishCommand command, @Nullable PriorPublication prior) {
        if (prior != null) {
            return new PublishOutcome(
                    prior.destination(),
                    prior.externalId(),
                    prior.url(),
                    null,
                    "existing",
                    null,
                    NO_UPDATES,
                    List.of());
        }
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Authorization", "Bearer " + command.requiredSecret());
        headers.put("Accept", "application/json");
        headers.put("Accept-Charset", "utf-8");

        List<String> warnings = new ArrayList<>();
        ObjectNode post = JSON.createObjectNode()
                .put("title", SafeHtml.plainText(document.title()))
                .put("contentFormat", "markdown")
                .put("content", markdown.body(document));
        if (command.canonicalUrl() != null) {
            post.put("canonicalUrl", command.canonicalUrl());
        }
        ArrayNode tags = post.putArray("tags");
        List<String> wanted = (command.tags().isEmpty() ? document.tags() : command.tags())
                .stream()
                        .map(SafeHtml::plainText)
                        .map(String::strip)
                        .filter(t -> !t.isEmpty())
                        .map(t -> t.length() > 25 ? t.substring(0, 25) : t)
                        .distinct()
                        .toList();
        wanted.stream().limit(MAX_TAGS).forEach(tags::add);
        if (wanted.size() > MAX_TAGS) {
            warnings.add(
                    "Medium takes at most " + MAX_TAGS + " tags: dropped " + wanted.subList(MAX_TAGS, wanted.size()));
        }
        post.put("publishStatus", command.status() == null ? "draft" : command.status());

        URI endpoint = command.publicationId() != null
                ? api.resolve("publications/" + encode(command.publicationId()) + "/posts")
                : api.resolve("users/" + encode(command.userId() != null ? command.userId() : me(headers)) + "/posts");
        JsonHttp.Reply created = http.send("POST", endpoint, headers, JSON.writeValueAsString(post));
        if (!created.ok()) {
            throw failure(created);
        }
        JsonNode data = created.json(target()).path("data");
        String id = data.path("id").asString("");
        if (id.isEmpty()) {
            throw ProviderErrors.unreadable(target(), created.status());
        }
        return new PublishOutcome(
                destination(document, command),
                id,
                data.path("url").asString(null),
                null,
                "created",
                data.path("publishStatus").asString(null),
                null,
                warnings);
    }

    /** The token's user id ({@code GET /me}). */
    private String me(Map<String, String> headers) {
        JsonHttp.Reply reply = http.send("GET", api.resolve("me"), headers, null);
        if (!reply.ok()) {
            throw failure(reply);
        }
        String id = reply.json(target()).path("data").path("id").asString("");
        if (id.isEmpty()) {
            throw ProviderErrors.unreadable(target(), reply.status());
        }
        return id;
    }

    private PublishFailed failure(JsonHttp.Reply reply) {
        String message = "no error message";
        try {
            JsonNode error = JSON.readTree(reply.body()).path("errors").path(0);
            message = error.path("message").asString(message);
            if (error.has("code")) {
                message = message + " (code " + error.path("code").asString() + ")";
            }
        } catch (JacksonException e) {
            // not JSON
        }
        return ProviderErrors.of(target(), reply, message, clock);
    }

    private static String encode(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
