package dev.quillstream.conversation.web;

import java.nio.ByteBuffer;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.common.WebSocketSession;
import org.eclipse.jetty.websocket.core.CoreSession;
import org.eclipse.jetty.websocket.core.Frame;
import org.eclipse.jetty.websocket.core.OpCode;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.adapter.NativeWebSocketSession;

/**
 * {@link Outbound} on Jetty's WebSocket session. Jetty queues a frame sent while an earlier one is
 * still being written, gathers queued frames into one write, and completes a write that the socket
 * took at once on the calling thread: so delivery writes a socket without a thread switch, and a
 * slow client only lengthens its own queue. Held frames ({@code more}) go through Jetty's core
 * session, whose batch mode copies them into one buffer until the next frame that is not held.
 */
record JettyOutbound(Session session, CoreSession core) implements Outbound {

    private static final ByteBuffer EMPTY = ByteBuffer.allocate(0);

    /** The Jetty session under Spring's; a socket that is not Jetty's cannot be served. */
    static JettyOutbound of(org.springframework.web.socket.WebSocketSession spring) {
        if (spring instanceof NativeWebSocketSession wrapper
                && wrapper.getNativeSession() instanceof WebSocketSession jetty) {
            return new JettyOutbound(jetty, jetty.getCoreSession());
        }
        throw new IllegalStateException("conversation sockets need Jetty's WebSocket session");
    }

    @Override
    public void send(ByteBuffer utf8, boolean more, Runnable done) {
        core.sendFrame(
                new Frame(OpCode.TEXT).setPayload(utf8),
                org.eclipse.jetty.util.Callback.from(done, failure -> done.run()),
                more);
    }

    @Override
    public void flush() {
        core.flush(org.eclipse.jetty.util.Callback.NOOP);
    }

    @Override
    public void ping() {
        session.sendPing(EMPTY.duplicate(), Callback.NOOP);
    }

    @Override
    public void close(CloseStatus status) {
        session.close(status.getCode(), status.getReason(), Callback.NOOP);
    }

    @Override
    public void abort() {
        session.disconnect();
    }

    @Override
    public boolean isOpen() {
        return session.isOpen();
    }
}
