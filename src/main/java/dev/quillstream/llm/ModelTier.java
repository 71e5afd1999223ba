package dev.quillstream.llm;

/** Which model of a provider answers: a fast one for planning and metadata, a smart one for prose. */
public enum ModelTier {
    FAST,
    SMART
}
