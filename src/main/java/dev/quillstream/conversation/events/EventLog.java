package dev.quillstream.conversation.events;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;

/**
 * The events of every conversation. An append gives an event the conversation's next {@code seq}
 * (1, 2, 3...), keeps it for replay and delivers it to every subscriber, on any node, in {@code
 * seq} order per conversation. Events one thread appends keep their order, whether it waits for
 * them ({@link #append}) or not ({@link #appendAsync}).
 */
public interface EventLog {

    /**
     * Appends and waits for the event's {@code seq}.
     *
     * @param body the event as a JSON object without its {@code seq} (it is added in front)
     */
    default long append(String conversationId, String body) {
        try {
            return appendAsync(conversationId, body).join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    /** Appends without waiting; the future completes with the event's {@code seq}, or the failure. */
    CompletableFuture<Long> appendAsync(String conversationId, String body);

    /** Events with {@code after < seq <= until}, oldest first, at most {@code limit}. */
    List<LoggedEvent> range(String conversationId, long after, long until, int limit);

    /** The last {@code seq} given in the conversation (0 when none). */
    long lastSeq(String conversationId);

    /** Live events of the conversation from now on; close the returned handle to stop. */
    AutoCloseable subscribe(String conversationId, Subscriber subscriber);

    /** Forgets the conversation's events (it was deleted). */
    void forget(String conversationId);

    /**
     * A reader of a conversation's live events. It is called on the delivery thread, so it must not
     * block.
     */
    @FunctionalInterface
    interface Subscriber extends Consumer<LoggedEvent> {

        /**
         * Live events may have been missed without a later one showing the gap (this node's
         * subscription to the other nodes' events was made again): read the log after the last
         * event seen.
         */
        default void resync() {}

        /**
         * Events that arrived together, in order. A subscriber that writes to a socket may write them
         * in one go: a node under load receives larger batches, so it makes fewer writes per event.
         */
        default void acceptAll(List<LoggedEvent> events) {
            events.forEach(this);
        }
    }

    /** An event as it is sent to clients: its {@code seq} and the whole JSON object. */
    record LoggedEvent(long seq, String json) {

        /** The full event: {@code body} with {@code "seq":n} put first. */
        static LoggedEvent of(long seq, String body) {
            String rest = body.strip().substring(1).strip();
            return new LoggedEvent(seq, "{\"seq\":" + seq + (rest.equals("}") ? "" : ",") + rest);
        }
    }
}
