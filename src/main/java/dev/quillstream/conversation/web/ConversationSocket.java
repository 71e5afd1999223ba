package dev.quillstream.conversation.web;

import dev.quillstream.conversation.Conversations;
import dev.quillstream.conversation.events.EventLog;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.PongMessage;
import org.springframework.web.socket.SubProtocolCapable;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.TextWebSocketHandler;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code /ws/conversation/{id}?after=<seq>}: the conversation's events, replayed after {@code seq}
 * then live ({@link ConversationFeed}); messages the client sends ({@code {role: "user", content}})
 * are stored, and on a conversation with content they ask for a revision of it.
 */
@Component
class ConversationSocket extends TextWebSocketHandler implements SubProtocolCapable {

    /** The subprotocol a browser names next to its key: {@code new WebSocket(url, ["quillstream", key])}. */
    static final String SUBPROTOCOL = "quillstream";

    static final int MAX_MESSAGE = 20_000;
    /** Session attribute: this socket is counted in its account's quota. */
    private static final String COUNTED = "quillstream.counted";

    private final Conversations conversations;
    private final EventLog events;
    private final JsonMapper json;
    private final int bufferEvents;
    private final Duration pingInterval;
    private final SocketQuota quota;
    private final Map<String, ConversationFeed> feeds = new ConcurrentHashMap<>();
    /** Sockets closed because their client did not keep up. */
    private final io.micrometer.core.instrument.Counter dropped;
    /** Sockets closed at once because their account had reached its limit meanwhile. */
    private final io.micrometer.core.instrument.Counter overQuota;

    ConversationSocket(
            Conversations conversations,
            EventLog events,
            JsonMapper json,
            @Value("${quillstream.websocket.buffer-events:4096}") int bufferEvents,
            @Value("${quillstream.websocket.ping-interval:20s}") Duration pingInterval,
            SocketQuota quota,
            io.micrometer.core.instrument.MeterRegistry metrics) {
        this.quota = quota;
        metrics.gauge("quillstream.websocket.sessions", feeds, Map::size);
        this.dropped = metrics.counter("quillstream.websocket.dropped");
        this.overQuota = metrics.counter(SocketHandshake.REFUSED, "reason", "quota");
        this.conversations = conversations;
        this.events = events;
        this.json = json;
        this.bufferEvents = bufferEvents;
        this.pingInterval = pingInterval;
    }

    /** Jetty's idle timeout for these sockets follows it (SocketConfiguration). */
    Duration pingInterval() {
        return pingInterval;
    }

    @Override
    public List<String> getSubProtocols() {
        return List.of(SUBPROTOCOL);
    }

    @Override
    public void afterConnectionEstablished(WebSocketSession session) throws java.io.IOException {
        UUID account = (UUID) session.getAttributes().get(SocketHandshake.ACCOUNT);
        if (!quota.tryAcquire(account)) {
            // The handshake checked, but sockets of the same account raced it to the last place.
            overQuota.increment();
            session.close(CloseStatus.POLICY_VIOLATION.withReason(
                    "more than " + quota.limit() + " sockets of this account on this node"));
            return;
        }
        session.getAttributes().put(COUNTED, true);
        String conversation = (String) session.getAttributes().get(SocketHandshake.CONVERSATION);
        long after = (Long) session.getAttributes().get(SocketHandshake.AFTER);
        ConversationFeed feed = new ConversationFeed(
                JettyOutbound.of(session),
                conversation,
                after,
                events,
                json,
                bufferEvents,
                pingInterval,
                dropped::increment);
        feeds.put(session.getId(), feed);
        Thread.ofVirtual().name("ws-" + conversation).start(feed::run);
    }

    @Override
    protected void handleTextMessage(WebSocketSession session, TextMessage message) {
        ConversationFeed feed = feeds.get(session.getId());
        if (feed == null) {
            return;
        }
        UUID account = (UUID) session.getAttributes().get(SocketHandshake.ACCOUNT);
        String conversation = (String) session.getAttributes().get(SocketHandshake.CONVERSATION);
        JsonNode body;
        try {
            body = json.readTree(message.getPayload());
        } catch (RuntimeException e) {
            feed.tell("a message is a JSON object {\"role\": \"user\", \"content\": \"...\"}");
            return;
        }
        String role = body.path("role").asString("user");
        String content = body.path("content").asString("").strip();
        if (!"user".equals(role) || content.isEmpty() || content.length() > MAX_MESSAGE) {
            feed.tell("a message needs role \"user\" and a content of 1 to " + MAX_MESSAGE + " characters");
            return;
        }
        try {
            conversations.say(account, conversation, "user", content);
        } catch (RuntimeException e) {
            feed.tell("the message could not be handled: " + e.getMessage());
        }
    }

    @Override
    protected void handlePongMessage(WebSocketSession session, PongMessage message) {
        ConversationFeed feed = feeds.get(session.getId());
        if (feed != null) {
            feed.pong();
        }
    }

    @Override
    public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
        if (session.getAttributes().remove(COUNTED) != null) {
            quota.release((UUID) session.getAttributes().get(SocketHandshake.ACCOUNT));
        }
        ConversationFeed feed = feeds.remove(session.getId());
        if (feed != null) {
            feed.close();
        }
    }
}
