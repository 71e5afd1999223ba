package dev.quillstream.conversation.events;

import java.util.List;
import java.util.function.Consumer;

/**
 * The events of every conversation. {@link #append} gives an event the conversation's next {@code
 * seq} (1, 2, 3...), keeps it for replay and delivers it to every subscriber, on any node, in
 * {@code seq} order per conversation. A subscriber must not block: it is called on the delivery
 * thread.
 */
public interface EventLog {

    /**
     * @param body the event as a JSON object without its {@code seq} (it is added in front)
     * @return the event's {@code seq}
     */
    long append(String conversationId, String body);

    /** Events with {@code after < seq <= until}, oldest first, at most {@code limit}. */
    List<LoggedEvent> range(String conversationId, long after, long until, int limit);

    /** The last {@code seq} given in the conversation (0 when none). */
    long lastSeq(String conversationId);

    /** Live events of the conversation from now on; close the returned handle to stop. */
    AutoCloseable subscribe(String conversationId, Consumer<LoggedEvent> subscriber);

    /** Forgets the conversation's events (it was deleted). */
    void forget(String conversationId);

    /** An event as it is sent to clients: its {@code seq} and the whole JSON object. */
    record LoggedEvent(long seq, String json) {

        /** The full event: {@code body} with {@code "seq":n} put first. */
        static LoggedEvent of(long seq, String body) {
            String rest = body.strip().substring(1).strip();
            return new LoggedEvent(seq, "{\"seq\":" + seq + (rest.equals("}") ? "" : ",") + rest);
        }
    }
}
