package dev.quillstream.publishing.github;

import dev.quillstream.export.ExportDocument;
import dev.quillstream.export.MarkdownExporter;
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
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * GitHub's contents API: {@code PUT /repos/<owner>/<repo>/contents/<path>} with the Markdown and
 * front matter a static site (Hugo, Jekyll, GitHub Pages) builds from, on a branch. An update must
 * name the blob sha it replaces: the sha from the last publish is sent, and when GitHub says it is
 * missing (422) or stale (409) — the file was created or edited elsewhere — the current sha is
 * read ({@code GET .../contents/<path>?ref=<branch>}) and the write retried once.
 */
public final class GitHubPublisher implements Publisher {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JsonHttp http;
    private final URI api;
    private final MarkdownExporter markdown;
    private final Clock clock;

    public GitHubPublisher(JsonHttp http, URI api, MarkdownExporter markdown, Clock clock) {
        this.http = http;
        this.api = URI.create(api.toString().replaceAll("/+$", "") + "/");
        this.markdown = markdown;
        this.clock = clock;
    }

    @Override
    public PublishTarget target() {
        return PublishTarget.GITHUB;
    }

    @Override
    public String destination(ExportDocument document, PublishCommand command) {
        return command.repository() + "@" + (command.branch() == null ? "" : command.branch()) + ":"
                + (command.path() == null ? defaultPath(document) : command.path());
    }

    /** The default file path for a document: {@code content/posts/<slug>.md} (Hugo's layout). */
    public static String defaultPath(ExportDocument document) {
        return "content/posts/" + document.slug() + ".md";
    }

    @Override
    public PublishOutcome publish(ExportDocument document, PublishCommand command, @Nullable PriorPublication prior) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Authorization", "Bearer " + command.requiredSecret());
        headers.put("Accept", "application/vnd.github+json");
        headers.put("X-GitHub-Api-Version", "2022-11-28");
        String path = command.path() == null ? defaultPath(document) : command.path();
        URI file = api.resolve("repos/" + command.repository() + "/contents/" + encodePath(path));

        ObjectNode body = JSON.createObjectNode()
                .put(
                        "message",
                        command.commitMessage() != null
                                ? command.commitMessage()
                                : (prior == null ? "Publish " : "Update ") + path + " (Quillstream)")
                .put(
                        "content",
                        Base64.getEncoder()
                                .encodeToString(markdown.markdown(document).getBytes(StandardCharsets.UTF_8)));
        if (command.branch() != null) {
            body.put("branch", command.branch());
        }
        if (prior != null && prior.revision() != null) {
            body.put("sha", prior.revision());
        }
        JsonHttp.Reply reply = http.send("PUT", file, headers, JSON.writeValueAsString(body));
        if (reply.status() == 422 || reply.status() == 409) {
            String message = message(reply);
            boolean shaProblem = reply.status() == 409 || message.contains("sha");
            if (shaProblem) {
                String current = currentSha(file, command.branch(), headers);
                if (current != null) {
                    body.put("sha", current);
                    reply = http.send("PUT", file, headers, JSON.writeValueAsString(body));
                }
            }
        }
        if (!reply.ok()) {
            throw failure(reply);
        }
        JsonNode answer = reply.json(target());
        JsonNode content = answer.path("content");
        return new PublishOutcome(
                destination(document, command),
                content.path("path").asString(path),
                content.path("html_url").asString(null),
                content.path("sha").asString(null),
                reply.status() == 201 ? "created" : "updated",
                "committed " + answer.path("commit").path("sha").asString(""),
                null,
                List.of());
    }

    /** The file's current blob sha on the branch, or null when it does not exist. */
    private @Nullable String currentSha(URI file, @Nullable String branch, Map<String, String> headers) {
        URI uri =
                branch == null ? file : URI.create(file + "?ref=" + URLEncoder.encode(branch, StandardCharsets.UTF_8));
        JsonHttp.Reply reply = http.send("GET", uri, headers, null);
        if (reply.status() == 404) {
            return null;
        }
        if (!reply.ok()) {
            throw failure(reply);
        }
        String sha = reply.json(target()).path("sha").asString("");
        return sha.isEmpty() ? null : sha;
    }

    private PublishFailed failure(JsonHttp.Reply reply) {
        return ProviderErrors.of(target(), reply, message(reply), clock);
    }

    private static String message(JsonHttp.Reply reply) {
        try {
            JsonNode error = JSON.readTree(reply.body());
            String message = error.path("message").asString("no error message");
            if (error.path("errors").isArray() && !error.path("errors").isEmpty()) {
                message = message + " " + error.path("errors");
            }
            return message.replace('\n', ' ').replaceAll(" +", " ");
        } catch (JacksonException e) {
            return "no error message";
        }
    }

    private static String encodePath(String path) {
        StringBuilder encoded = new StringBuilder();
        for (String segment : path.split("/")) {
            if (!encoded.isEmpty()) {
                encoded.append('/');
            }
            encoded.append(URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20"));
        }
        return encoded.toString();
    }
}
