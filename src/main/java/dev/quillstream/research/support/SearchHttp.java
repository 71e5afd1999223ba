package dev.quillstream.research.support;

import dev.quillstream.research.ResearchFailure;
import dev.quillstream.research.SourceKind;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON-over-HTTP calls of the search adapters (JDK HttpClient), with every failure typed the
 * same way: 401/403 unauthenticated, 429 rate limited (with {@code Retry-After}, seconds or date),
 * other 4xx rejected, 5xx, I/O errors, timeouts and non-JSON answers unavailable. Error messages
 * are taken from the API's JSON body; request URLs are never put in messages (SerpApi's carries
 * the key).
 */
public final class SearchHttp {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int MAX_MESSAGE = 200;

    private final SourceKind source;
    private final HttpClient http;
    private final Duration timeout;

    public SearchHttp(SourceKind source, Duration timeout) {
        this.source = source;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
    }

    public static JsonMapper json() {
        return JSON;
    }

    public JsonNode get(URI uri, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).GET();
        return send(request, headers);
    }

    public JsonNode post(URI uri, Map<String, String> headers, JsonNode body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        return send(request, headers);
    }

    private JsonNode send(HttpRequest.Builder request, Map<String, String> headers) {
        request.timeout(timeout).header("Accept", "application/json");
        headers.forEach(request::header);
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            throw new ResearchFailure.Unavailable(source, "no answer within " + timeout.toSeconds() + "s", e);
        } catch (IOException e) {
            throw new ResearchFailure.Unavailable(
                    source,
                    "connection failed: "
                            + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()),
                    e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ResearchFailure.Unavailable(source, "interrupted", e);
        }
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            try {
                return JSON.readTree(response.body());
            } catch (JacksonException e) {
                throw new ResearchFailure.Unavailable(
                        source, "answered " + status + " with a body that is not JSON", e);
            }
        }
        String message = "HTTP " + status
                + errorMessage(response.body()).map(m -> ": " + m).orElse("");
        if (status == 401 || status == 403) {
            throw new ResearchFailure.Unauthenticated(source, message);
        }
        if (status == 429) {
            throw new ResearchFailure.RateLimited(
                    source,
                    message,
                    retryAfter(response.headers().firstValue("Retry-After").orElse(null)));
        }
        if (status >= 400 && status < 500 && status != 408) {
            throw new ResearchFailure.Rejected(source, message);
        }
        throw new ResearchFailure.Unavailable(source, message, null);
    }

    /** {@code {"error": "..."}} (SerpApi, Exa), {@code {"detail": {"error": "..."}}} or {@code {"detail": "..."}} (Tavily), {@code {"message": "..."}}. */
    static java.util.Optional<String> errorMessage(String body) {
        try {
            JsonNode json = JSON.readTree(body);
            for (JsonNode candidate : java.util.List.of(
                    json.path("error"), json.path("detail").path("error"), json.path("detail"), json.path("message"))) {
                if (candidate.isString() && !candidate.asString().isBlank()) {
                    String message = candidate.asString().strip();
                    return java.util.Optional.of(
                            message.length() <= MAX_MESSAGE ? message : message.substring(0, MAX_MESSAGE) + "…");
                }
            }
        } catch (JacksonException e) {
            // Not JSON: the status says enough.
        }
        return java.util.Optional.empty();
    }

    static @Nullable Duration retryAfter(@Nullable String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(header.strip())));
        } catch (NumberFormatException notSeconds) {
            try {
                Duration wait = Duration.between(
                        ZonedDateTime.now(), ZonedDateTime.parse(header.strip(), DateTimeFormatter.RFC_1123_DATE_TIME));
                return wait.isNegative() ? Duration.ZERO : wait;
            } catch (DateTimeParseException notDate) {
                return null;
            }
        }
    }

    /** The text of a JSON field, or empty. */
    public static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isString() || value.isNumber() ? value.asString() : "";
    }

    public static @Nullable String textOrNull(JsonNode node, String field) {
        String text = text(node, field);
        return text.isBlank() ? null : text;
    }
}
