package dev.quillstream.llm;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What to ask a model.
 *
 * @param hints what the request is about ({@code topic}, {@code subject}, {@code keywords}, {@code
 *     words}...). Real models read the prompt and ignore hints; the offline model composes its
 *     deterministic draft from them, since it cannot understand the prompt.
 * @param cacheable whether an identical earlier answer may be served from the response cache
 *     (default true); false asks the provider again and does not store the answer
 */
public record ModelRequest(
        List<ChatMessage> messages,
        ModelTier tier,
        @Nullable ResponseSchema schema,
        double temperature,
        int maxOutputTokens,
        Map<String, String> hints,
        boolean cacheable) {

    public static final int DEFAULT_MAX_OUTPUT_TOKENS = 4096;

    public ModelRequest {
        messages = List.copyOf(messages);
        hints = Map.copyOf(hints);
        Objects.requireNonNull(tier, "tier");
        if (messages.isEmpty()) {
            throw new IllegalArgumentException("a model request needs at least one message");
        }
        if (temperature < 0 || temperature > 2) {
            throw new IllegalArgumentException("temperature must be within [0, 2]: " + temperature);
        }
        if (maxOutputTokens <= 0) {
            throw new IllegalArgumentException("maxOutputTokens must be positive: " + maxOutputTokens);
        }
    }

    public ModelRequest(
            List<ChatMessage> messages,
            ModelTier tier,
            @Nullable ResponseSchema schema,
            double temperature,
            int maxOutputTokens,
            Map<String, String> hints) {
        this(messages, tier, schema, temperature, maxOutputTokens, hints, true);
    }

    public static ModelRequest of(ModelTier tier, List<ChatMessage> messages) {
        return new ModelRequest(messages, tier, null, 0.7, DEFAULT_MAX_OUTPUT_TOKENS, Map.of(), true);
    }

    /** The same request, answered by a provider even when an identical answer is cached. */
    public ModelRequest withoutCache() {
        return new ModelRequest(messages, tier, schema, temperature, maxOutputTokens, hints, false);
    }

    public ModelRequest withSchema(ResponseSchema responseSchema) {
        return new ModelRequest(messages, tier, responseSchema, temperature, maxOutputTokens, hints, cacheable);
    }

    public ModelRequest withHints(Map<String, String> newHints) {
        return new ModelRequest(messages, tier, schema, temperature, maxOutputTokens, newHints, cacheable);
    }

    public ModelRequest withTemperature(double newTemperature) {
        return new ModelRequest(messages, tier, schema, newTemperature, maxOutputTokens, hints, cacheable);
    }

    public ModelRequest withMaxOutputTokens(int tokens) {
        return new ModelRequest(messages, tier, schema, temperature, tokens, hints, cacheable);
    }

    /** The same request with one more message, e.g. a correction after a malformed reply. */
    public ModelRequest followedBy(ChatMessage... more) {
        List<ChatMessage> all = new java.util.ArrayList<>(messages);
        all.addAll(List.of(more));
        return new ModelRequest(all, tier, schema, temperature, maxOutputTokens, hints, cacheable);
    }

    public String hint(String name, String fallback) {
        return hints.getOrDefault(name, fallback);
    }
}
