package dev.quillstream.generation.support;

import dev.quillstream.llm.ChatMessage;
import dev.quillstream.llm.ModelException.MalformedOutput;
import dev.quillstream.llm.ModelRequest;
import dev.quillstream.llm.TextModel;
import java.util.List;
import java.util.function.Function;

/**
 * Asks for structured output and, when the reply breaks the schema or a rule the schema cannot
 * express, asks again with the problems spelled out, a bounded number of times.
 */
public final class StructuredAsk {

    public static final int ATTEMPTS = 3;

    private StructuredAsk() {}

    /**
     * @param rules extra checks on the bound value; an empty list means it is acceptable
     * @throws MalformedOutput from the last attempt when every attempt failed
     */
    public static <T> T ask(TextModel model, ModelRequest request, Class<T> type, Function<T, List<String>> rules) {
        ModelRequest attempt = request;
        MalformedOutput last = null;
        for (int i = 0; i < ATTEMPTS; i++) {
            try {
                var structured = model.structured(attempt, type);
                List<String> problems = rules.apply(structured.value());
                if (problems.isEmpty()) {
                    return structured.value();
                }
                last = new MalformedOutput(
                        model.provider(), problems, structured.reply().text());
            } catch (MalformedOutput e) {
                last = e;
            }
            attempt = request.followedBy(
                    ChatMessage.assistant(last.rawText()),
                    ChatMessage.user("Your reply did not meet the requirements:\n- "
                            + String.join("\n- ", last.problems())
                            + "\nReply again with the complete JSON, fixed."));
        }
        throw last;
    }
}
