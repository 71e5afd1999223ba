package dev.quillstream.llm;

/** A structured reply read into a value, with the raw reply it came from. */
public record Structured<T>(T value, ModelReply reply) {}
