package dev.quillstream.llm;

/**
 * Receives a streamed reply as it is produced. The WebSocket stream and the CLI progress display
 * are two implementations.
 */
@FunctionalInterface
public interface TokenListener {

    TokenListener IGNORE = delta -> {};

    /** A piece of text, in order; the pieces joined are the reply's text. */
    void onDelta(String delta);

    /**
     * The stream broke and is being produced again from its start (by a retry or another
     * provider): discard the deltas received so far.
     */
    default void onRestart() {}
}
