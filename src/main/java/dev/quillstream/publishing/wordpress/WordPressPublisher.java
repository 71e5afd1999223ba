package dev.quillstream.publishing.wordpress;

import dev.quillstream.export.ArticleHtml;
import dev.quillstream.export.ExportDocument;
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
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * WordPress REST API ({@code /wp-json/wp/v2}) with an application password (HTTP Basic). Tags and
 * categories are given by name and resolved to term ids, created when missing; the post is
 * created once ({@code POST /posts}) and updated on every later call ({@code POST /posts/<id>}),
 * or created again if it was deleted on the site. The site URL is the user's, so every request goes
 * through the SSRF-safe client.
 */
public final class WordPressPublisher implements Publisher {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<String> STATUSES = List.of("draft", "publish", "pending", "private");

    private final JsonHttp http;
    private final Clock clock;

    public WordPressPublisher(JsonHttp http, Clock clock) {
        this.http = http;
        this.clock = clock;
    }

    @Override
    public PublishTarget target() {
        return PublishTarget.WORDPRESS;
    }

    @Override
    public String destination(ExportDocument document, PublishCommand command) {
        return site(command).toString();
    }

    public static List<String> statuses() {
        return STATUSES;
    }

    @Override
    public PublishOutcome publish(ExportDocument document, PublishCommand command, @Nullable PriorPublication prior) {
        URI api = URI.create(site(command) + "/wp-json/wp/v2/");
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(
                "Authorization",
                "Basic "
                        + Base64.getEncoder()
                                .encodeToString((command.username() + ":" + command.requiredSecret())
                                        .getBytes(StandardCharsets.UTF_8)));
        headers.put("Accept", "application/json");
        String status = command.status() == null ? "draft" : command.status();

        ObjectNode post = JSON.createObjectNode()
                .put("title", SafeHtml.plainText(document.title()))
                .put("content", ArticleHtml.bodyHtml(document))
                .put(
                        "excerpt",
                        SafeHtml.plainText(command.excerpt() == null ? document.description() : command.excerpt()))
                .put("slug", command.slug() == null ? document.slug() : command.slug())
                .put("status", status);
        List<String> tagNames = command.tags().isEmpty() ? document.tags() : command.tags();
        ArrayNode tags = post.putArray("tags");
        terms(api, headers, "tags", tagNames).forEach(tags::add);
        ArrayNode categories = post.putArray("categories");
        terms(api, headers, "categories", command.categories()).forEach(categories::add);

        if (prior != null) {
            JsonHttp.Reply updated = http.send(
                    "POST", api.resolve("posts/" + prior.externalId()), headers, JSON.writeValueAsString(post));
            if (updated.ok()) {
                return outcome(document, command, updated.json(target()), "updated");
            }
            if (updated.status() != 404 && updated.status() != 410) {
                throw failure(updated);
            }
            // deleted on the site since: publish it anew
        }
        JsonHttp.Reply created = http.send("POST", api.resolve("posts"), headers, JSON.writeValueAsString(post));
        if (!created.ok()) {
            throw failure(created);
        }
        return outcome(document, command, created.json(target()), "created");
    }

    private PublishOutcome outcome(ExportDocument document, PublishCommand command, JsonNode post, String action) {
        String id = post.path("id").asString("");
        if (id.isEmpty()) {
            throw ProviderErrors.unreadable(target(), 200);
        }
        return new PublishOutcome(
                destination(document, command),
                id,
                post.path("link").asString(null),
                null,
                action,
                post.path("status").asString(null),
                null,
                List.of());
    }

    /** Term ids for names: an exact (case-insensitive) match among the search results, else a new term. */
    private List<Long> terms(URI api, Map<String, String> headers, String taxonomy, List<String> names) {
        List<Long> ids = new ArrayList<>();
        for (String raw : names) {
            String name = SafeHtml.plainText(raw).strip();
            if (name.isEmpty()) {
                continue;
            }
            JsonHttp.Reply found = http.send(
                    "GET",
                    api.resolve(taxonomy + "?per_page=100&search=" + URLEncoder.encode(name, StandardCharsets.UTF_8)),
                    headers,
                    null);
            if (!found.ok()) {
                throw failure(found);
            }
            Long id = null;
            for (JsonNode term : found.json(target())) {
                if (term.path("name").asString("").equalsIgnoreCase(name)
                        || term.path("slug").asString("").equals(name.toLowerCase(Locale.ROOT))) {
                    id = term.path("id").asLong();
                    break;
                }
            }
            if (id == null) {
                JsonHttp.Reply created = http.send(
                        "POST",
                        api.resolve(taxonomy),
                        headers,
                        JSON.createObjectNode().put("name", name).toString());
                JsonNode body = created.json(target());
                if (created.ok()) {
                    id = body.path("id").asLong();
                } else if ("term_exists".equals(body.path("code").asString(""))) {
                    id = body.path("data").path("term_id").asLong();
                } else {
                    throw failure(created);
                }
            }
            ids.add(id);
        }
        return ids;
    }

    private PublishFailed failure(JsonHttp.Reply reply) {
        String message = "no error message";
        try {
            JsonNode error = JSON.readTree(reply.body());
            message = error.path("message").asString(message);
            String code = error.path("code").asString("");
            if (!code.isEmpty()) {
                message = message + " (" + code + ")";
            }
        } catch (JacksonException e) {
            // not JSON (a proxy's error page): the status says enough
        }
        return ProviderErrors.of(target(), reply, message, clock);
    }

    private static URI site(PublishCommand command) {
        String url = command.siteUrl() == null ? "" : command.siteUrl().strip().replaceAll("/+$", "");
        return URI.create(url);
    }
}
