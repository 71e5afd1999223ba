package dev.quillstream.generation;

/** A generation could not produce a complete, valid document; nothing was stored. */
public class GenerationFailed extends RuntimeException {

    public GenerationFailed(String message) {
        super(message);
    }

    public GenerationFailed(String message, Throwable cause) {
        super(message, cause);
    }
}
