package dev.quillstream.llm.cache;

import dev.quillstream.llm.ChatMessage;
import dev.quillstream.llm.ModelReply;
import dev.quillstream.llm.ModelRequest;
import dev.quillstream.llm.TokenUsage;
import dev.quillstream.platform.cache.SharedCache;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Model answers addressed by their content: the key is a SHA-256 of everything that decides the
 * answer on the wire (provider, model, messages, response schema, temperature, output limit), so
 * an identical request is answered without calling anyone. Hints are not part of the key: no
 * provider sees them. Lives in the {@link SharedCache}: in-process in embedded mode, Redis (shared
 * by every node) when {@code REDIS_URL} is set. Blank answers are not kept: a caller that asks
 * again after one wants a new answer.
 */
public final class ResponseCache {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String PREFIX = "llm:v1:";

    private final SharedCache cache;
    private final Duration ttl;
    private final MeterRegistry registry;

    public ResponseCache(SharedCache cache, Duration ttl, MeterRegistry registry) {
        this.cache = cache;
        this.ttl = ttl;
        this.registry = registry;
    }

    public Optional<ModelReply> lookup(String provider, String model, ModelRequest request) {
        Optional<ModelReply> hit = cache.get(key(provider, model, request)).flatMap(ResponseCache::read);
        Counter.builder("quillstream.llm.cache")
                .description("Response cache lookups")
                .tags("provider", provider, "result", hit.isPresent() ? "hit" : "miss")
                .register(registry)
                .increment();
        return hit.map(ModelReply::fromCache);
    }

    public void store(String provider, String model, ModelRequest request, ModelReply reply) {
        if (reply.offline() || reply.cached() || reply.text().isBlank()) {
            return;
        }
        ObjectNode value = JSON.createObjectNode()
                .put("text", reply.text())
                .put("provider", reply.provider())
                .put("model", reply.model())
                .put("prompt_tokens", reply.usage().promptTokens())
                .put("completion_tokens", reply.usage().completionTokens())
                .put("cost_usd", reply.costUsd());
        cache.put(key(provider, model, request), value.toString(), ttl);
    }

    static String key(String provider, String model, ModelRequest request) {
        ObjectNode content = JSON.createObjectNode().put("provider", provider).put("model", model);
        ArrayNode messages = content.putArray("messages");
        for (ChatMessage message : request.messages()) {
            messages.addObject().put("role", message.role().name()).put("content", message.content());
        }
        if (request.schema() != null) {
            content.put("schema_name", request.schema().name());
            content.set("schema", request.schema().schema());
        }
        content.put("temperature", request.temperature());
        content.put("max_output_tokens", request.maxOutputTokens());
        return PREFIX + sha256(content.toString());
    }

    private static Optional<ModelReply> read(String stored) {
        try {
            JsonNode value = JSON.readTree(stored);
            return Optional.of(new ModelReply(
                    value.path("text").asString(),
                    new TokenUsage(
                            value.path("prompt_tokens").asLong(),
                            value.path("completion_tokens").asLong()),
                    value.path("provider").asString(),
                    value.path("model").asString(),
                    false,
                    value.path("cost_usd").asDouble(),
                    false));
        } catch (JacksonException | IllegalArgumentException corrupt) {
            return Optional.empty();
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
