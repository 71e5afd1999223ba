package dev.quillstream.llm.support;

import dev.quillstream.llm.ModelException;
import org.jspecify.annotations.Nullable;

/**
 * Reads what a provider said inside a successful (2xx) answer before LangChain4j parses it, for the
 * failures LangChain4j does not type: an error event in the middle of a stream (Anthropic {@code
 * event: error}, Gemini {@code data: {"error":...}}, Ollama's {@code {"error": "..."}} line), or a
 * blocked prompt that comes back as 200 without candidates (Gemini {@code promptFeedback}).
 * LangChain4j either drops those events silently or fails on them with an untyped exception, so
 * without this a provider's "overloaded" would look like a cut connection.
 */
public interface WireInspector {

    WireInspector NONE = new WireInspector() {};

    /** The failure one stream event reports, or null to hand the event on. */
    default @Nullable ModelException inStream(@Nullable String event, String data) {
        return null;
    }

    /** The failure a 2xx body reports, or null when it is an answer. */
    default @Nullable ModelException inBody(String body) {
        return null;
    }
}
