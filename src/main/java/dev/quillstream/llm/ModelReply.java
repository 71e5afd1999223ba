package dev.quillstream.llm;

import java.util.Objects;

/**
 * A model's complete answer.
 *
 * @param offline true when the deterministic offline model wrote it: a draft, never real writing
 */
public record ModelReply(String text, TokenUsage usage, String provider, String model, boolean offline) {

    public ModelReply {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(usage, "usage");
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(model, "model");
    }
}
