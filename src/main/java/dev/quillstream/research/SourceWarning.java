package dev.quillstream.research;

/** A source that did not answer (or was not configured), and why; the others still did. */
public record SourceWarning(String source, String message) {}
