package dev.quillstream.generation;

import dev.quillstream.content.BlogMetadata;
import java.time.Duration;

/**
 * Watches a generation: steps as they start and finish, text as it is produced. The CLI's progress
 * lines and the conversation's WebSocket stream are implementations.
 */
public interface GenerationListener {

    GenerationListener NONE = new GenerationListener() {};

    default void stepStarted(String step, int index, int total) {}

    default void stepFinished(String step, int index, int total, Duration took) {}

    /** A piece of text of {@code part} (e.g. {@code section 2.1}) produced by {@code step}. */
    default void onToken(String step, String part, String delta) {}

    /** {@code part} of {@code step} is written and saved: a resumed run will not write it again. */
    default void partFinished(String step, String part) {}

    /** The text of {@code part} is being produced again from its start: drop what arrived so far. */
    default void onRestart(String step, String part) {}

    /**
     * What the generation's model calls cost, once, when it ends — completed, failed or stopped
     * by its budget — so that spend is accounted for even when nothing is stored.
     */
    default void usageRecorded(BlogMetadata.Usage usage) {}
}
