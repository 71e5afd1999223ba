package dev.quillstream.generation;

/** A generation stopped because it was cancelled; what it checkpointed stays, nothing was stored. */
public class GenerationCancelled extends RuntimeException {

    public GenerationCancelled(String message) {
        super(message);
    }
}
