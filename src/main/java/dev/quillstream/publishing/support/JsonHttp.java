package dev.quillstream.publishing.support;

import dev.quillstream.platform.outbound.OutboundRefused;
import dev.quillstream.platform.outbound.SafeHttpClient;
import dev.quillstream.publishing.PublishFailed;
import dev.quillstream.publishing.PublishTarget;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * JSON over HTTP for the publishers: through the SSRF-safe client for URLs a user supplies (a
 * WordPress site), through a plain JDK client for endpoints the operator configured (GitHub,
 * Medium). Transport failures become {@link PublishFailed}; status codes are left to the caller,
 * which knows the target's error format.
 */
public interface JsonHttp {

    JsonMapper JSON = JsonMapper.builder().build();

    Reply send(String method, URI uri, Map<String, String> headers, @Nullable String json);

    /** @param headers lower-case names */
    record Reply(int status, Map<String, String> headers, String body) {

        public @Nullable String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        public boolean ok() {
            return status >= 200 && status < 300;
        }

        /** The body as JSON; a body that is not JSON means the target (or a proxy before it) failed. */
        public JsonNode json(PublishTarget target) {
            try {
                return JSON.readTree(body);
            } catch (JacksonException e) {
                throw ProviderErrors.unreadable(target, status);
            }
        }
    }

    /** User-supplied destinations: every address is checked by the outbound policy. */
    static JsonHttp guarded(SafeHttpClient client, PublishTarget target) {
        return (method, uri, headers, json) -> {
            try {
                SafeHttpClient.Response response = client.send(new SafeHttpClient.Request(method, uri, headers, json));
                return new Reply(response.status(), response.headers(), response.body());
            } catch (OutboundRefused e) {
                String message = e.getMessage() == null ? "request refused" : e.getMessage();
                boolean policy = e.getCause() == null || message.contains("QUILLSTREAM_OUTBOUND_ALLOWED_HOSTS");
                throw new PublishFailed(
                        target,
                        policy ? PublishFailed.Kind.DESTINATION_REFUSED : PublishFailed.Kind.UNAVAILABLE,
                        0,
                        target.id() + ": " + message);
            }
        };
    }

    /** Operator-configured endpoints (public APIs, GitHub Enterprise). */
    static JsonHttp plain(HttpClient client, Duration timeout, PublishTarget target) {
        return (method, uri, headers, json) -> {
            HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeout);
            headers.forEach(request::header);
            if (json != null) {
                request.header("Content-Type", "application/json");
                request.method(method, HttpRequest.BodyPublishers.ofString(json));
            } else {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            }
            try {
                HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
                Map<String, String> names = new LinkedHashMap<>();
                response.headers()
                        .map()
                        .forEach((name, values) -> names.put(name.toLowerCase(Locale.ROOT), values.getFirst()));
                return new Reply(response.statusCode(), names, response.body());
            } catch (IOException e) {
                throw new PublishFailed(
                        target,
                        PublishFailed.Kind.UNAVAILABLE,
                        0,
                        target.id() + " could not be reached at " + uri.getHost() + ": "
                                + e.getClass().getSimpleName());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new PublishFailed(target, PublishFailed.Kind.UNAVAILABLE, 0, "interrupted");
            }
        };
    }
}
