package dev.quillstream.conversation.events;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

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

    /**
     * Appends a content delta without waiting. A log that sends its appends in batches (Redis) may
     * join it to the last delta of the same {@linkplain Delta#stream() stream} of the conversation
     * when both are still waiting to be sent and no other event of the conversation is between them
     * ({@link Delta#followedBy}): one event with the same text, sent when the first would have been,
     * so no delta waits longer than it would alone. Deltas of other streams between them are
     * independent of it and may end up after the joined event; any other event is a barrier
     * nothing is joined across. It happens only while appends are behind, and then spares every
     * later stage (Redis, each node, each socket, each client) the events it would have been. The
     * future completes with the seq of the event the delta is in. In-process (no batches), every
     * delta is an event of its own.
     */
    default CompletableFuture<Long> appendDelta(String conversationId, Delta delta) {
        return appendAsync(conversationId, delta.body());
    }

    /** Events with {@code after < seq <= until}, oldest first, at most {@code limit}. */
    List<LoggedEvent> range(String conversationId, long after, long until, int limit);

    /** The last {@code seq} given in the conversation (0 when none). */
    long lastSeq(String conversationId);

    /** Live events of the conversation from now on; close the returned handle to stop. */
    AutoCloseable subscribe(String conversationId, Subscriber subscriber);

    /** Forgets the conversation's events (it was deleted). */
    void forget(String conversationId);

    /** A content delta as an event, and how it joins the one after it. */
    interface Delta {

        /**
         * The stream of the conversation the delta continues (a part of a job's text): the text of
         * one stream is in order, streams are independent of each other.
         */
        String stream();

        /** The event as a JSON object without its {@code seq}. */
        String body();

        /** One delta saying what this one and {@code next} say, or null when they cannot be one event. */
        @Nullable
        Delta followedBy(Delta next);
    }

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

    /**
     * An event as it is sent to clients: its {@code seq} and the whole JSON object, held as the
     * UTF-8 bytes a text frame carries. Encoded once when the event is made, not once per socket
     * it is written to.
     */
    final class LoggedEvent {

        private static final byte[] SEQ = "{\"seq\":".getBytes(StandardCharsets.US_ASCII);

        private final long seq;
        private final byte[] utf8;

        public LoggedEvent(long seq, String json) {
            this(seq, json.getBytes(StandardCharsets.UTF_8));
        }

        private LoggedEvent(long seq, byte[] utf8) {
            this.seq = seq;
            this.utf8 = utf8;
        }

        /** The full event: {@code body} with {@code "seq":n} put first. */
        static LoggedEvent of(long seq, String body) {
            byte[] utf8 = body.strip().getBytes(StandardCharsets.UTF_8);
            return of(seq, utf8, 0, utf8.length);
        }

        /**
         * The full event from a body's UTF-8 bytes ({@code length} bytes at {@code offset}, a JSON
         * object without whitespace before its opening brace), with {@code "seq":n} put first:
         * copied once, never decoded.
         */
        static LoggedEvent of(long seq, byte[] body, int offset, int length) {
            int end = offset + length;
            int rest = offset + 1; // the body after its opening brace and any whitespace
            while (rest < end && Character.isWhitespace(body[rest])) {
                rest++;
            }
            if (length < 2 || body[offset] != '{' || rest == end) {
                throw new IllegalArgumentException("an event is a JSON object");
            }
            boolean empty = body[rest] == '}';
            byte[] digits = Long.toString(seq).getBytes(StandardCharsets.US_ASCII);
            int at = SEQ.length + digits.length;
            byte[] event = new byte[at + (empty ? 1 : 1 + end - rest)];
            System.arraycopy(SEQ, 0, event, 0, SEQ.length);
            System.arraycopy(digits, 0, event, SEQ.length, digits.length);
            if (empty) {
                event[at] = '}';
            } else {
                event[at] = ',';
                System.arraycopy(body, rest, event, at + 1, end - rest);
            }
            return new LoggedEvent(seq, event);
        }

        public long seq() {
            return seq;
        }

        /** The event as text (decoded on each call: delivery uses {@link #payload}). */
        public String json() {
            return new String(utf8, StandardCharsets.UTF_8);
        }

        /** The event's bytes for one frame: a view of its own, so each socket reads it independently. */
        public ByteBuffer payload() {
            return ByteBuffer.wrap(utf8).asReadOnlyBuffer();
        }

        /** Its size in bytes of UTF-8. */
        public int size() {
            return utf8.length;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof LoggedEvent that && seq == that.seq && Arrays.equals(utf8, that.utf8);
        }

        @Override
        public int hashCode() {
            return Long.hashCode(seq) * 31 + Arrays.hashCode(utf8);
        }

        @Override
        public String toString() {
            return "LoggedEvent[seq=" + seq + ", json=" + json() + "]";
        }
    }
}
