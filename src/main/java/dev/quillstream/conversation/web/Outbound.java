package dev.quillstream.conversation.web;

import java.nio.ByteBuffer;
import org.springframework.web.socket.CloseStatus;

/**
 * The sending side of one WebSocket as a feed needs it. Nothing here blocks: a frame handed to
 * {@link #send} is written at once when the socket can take it (its callback then runs before
 * {@code send} returns) or queued in the container and written when the client reads. Frames go
 * out in the order they were handed over.
 */
interface Outbound {

    /**
     * Queues a text frame of these UTF-8 bytes (read from the buffer's position, never written to);
     * {@code done} runs once, when it was written (or, held, taken into the container's buffer) or
     * could not be. With {@code more}, another frame follows at once: this
     * one may be held and written together with it, in one write, by the next frame sent without
     * {@code more} or by {@link #flush}.
     */
    void send(ByteBuffer utf8, boolean more, Runnable done);

    /** Writes what {@code send} held. */
    void flush();

    /** Queues a ping ahead of any data frames waiting. */
    void ping();

    /** Closes with this status; a status other than normal discards the frames still waiting. */
    void close(CloseStatus status);

    /** Drops the connection without a closing handshake: for a client that does not read at all. */
    void abort();

    boolean isOpen();
}
