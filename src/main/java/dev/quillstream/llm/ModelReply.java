package dev.quillstream.llm;

import java.util.Objects;

/**
 * A model's complete answer.
 *
 * @param offline true when the deterministic offline model wrote it: a draft, never real writing
 * @param costUsd what the provider charges for this call, from the configured price table (zero
 *     for the offline model, for a local model without a price, and for a reply from the cache)
 * @param cached true when the reply came from the response cache: no provider was called
 */
public record ModelReply(
        String text, TokenUsage usage, String provider, String model, boolean offline, double costUsd, boolean cached) {

    public ModelReply {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(usage, "usage");
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(model, "model");
        if (costUsd < 0 || Double.isNaN(costUsd)) {
            throw new IllegalArgumentException("cost cannot be negative: " + costUsd);
        }
    }

    /** A reply as an adapter produces it, before it is priced. */
    public ModelReply(String text, TokenUsage usage, String provider, String model, boolean offline) {
        this(text, usage, provider, model, offline, 0, false);
    }

    public ModelReply withCost(double usd) {
        return new ModelReply(text, usage, provider, model, offline, usd, cached);
    }

    /** The same answer served again from the cache: it costs nothing this time. */
    public ModelReply fromCache() {
        return new ModelReply(text, usage, provider, model, offline, 0, true);
    }
}
