package dev.quillstream.conversation.web;

import dev.quillstream.accounts.AccountId;
import dev.quillstream.accounts.ApiKeys;
import dev.quillstream.accounts.SocketTickets;
import dev.quillstream.conversation.Conversations;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.server.HandshakeInterceptor;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Authenticates the upgrade: a single-use {@code ?ticket=} from {@code POST /api/v1/ws-tickets}, or
 * the API key as {@code Authorization: Bearer <key>}, as {@code ?access_token=<key>}, or as a
 * second {@code Sec-WebSocket-Protocol} value next to {@code quillstream} (browsers cannot set
 * headers on a WebSocket; a ticket keeps the key out of URLs and logs). An account at its socket
 * limit on this node gets 429. Then the conversation is opened for
 * the account (created when new, refused with 404 when it is another account's).
 */
@Component
final class SocketHandshake implements HandshakeInterceptor {

    static final String ACCOUNT = "quillstream.account";
    static final String CONVERSATION = "quillstream.conversation";
    static final String AFTER = "quillstream.after";
    /** Refused upgrades, tagged {@code reason}: unauthorized, bad_request, not_found, quota. */
    static final String REFUSED = "quillstream.websocket.refused";

    private final ApiKeys keys;
    private final SocketTickets tickets;
    private final Conversations conversations;
    private final SocketQuota quota;
    private final MeterRegistry metrics;

    SocketHandshake(
            ApiKeys keys,
            SocketTickets tickets,
            Conversations conversations,
            SocketQuota quota,
            MeterRegistry metrics) {
        this.keys = keys;
        this.tickets = tickets;
        this.conversations = conversations;
        this.quota = quota;
        this.metrics = metrics;
    }

    /** Answers the upgrade with an error status, counted by reason for operators. */
    private boolean refuse(ServerHttpResponse response, HttpStatus status, String reason) {
        response.setStatusCode(status);
        metrics.counter(REFUSED, "reason", reason).increment();
        return false;
    }

    @Override
    public boolean beforeHandshake(
            ServerHttpRequest request,
            ServerHttpResponse response,
            WebSocketHandler handler,
            Map<String, Object> attributes) {
        var uri = UriComponentsBuilder.fromUri(request.getURI()).build();
        List<String> path = uri.getPathSegments();
        String conversation = path.getLast();
        String ticket = uri.getQueryParams().getFirst("ticket");
        Optional<AccountId> account = ticket != null
                ? tickets.redeem(ticket, conversation)
                : key(request, uri.getQueryParams().getFirst("access_token")).flatMap(keys::authenticate);
        if (account.isEmpty()) {
            return refuse(response, HttpStatus.UNAUTHORIZED, "unauthorized");
        }
        long after;
        try {
            String value = uri.getQueryParams().getFirst("after");
            after = value == null ? 0 : Long.parseLong(value);
            if (after < 0) {
                throw new NumberFormatException();
            }
        } catch (NumberFormatException e) {
            return refuse(response, HttpStatus.BAD_REQUEST, "bad_request");
        }
        try {
            conversations.open(account.get().value(), conversation);
        } catch (Conversations.ConversationNotFound e) {
            return refuse(response, HttpStatus.NOT_FOUND, "not_found");
        } catch (Conversations.InvalidConversationId e) {
            return refuse(response, HttpStatus.BAD_REQUEST, "bad_request");
        }
        if (quota.full(account.get().value())) {
            return refuse(response, HttpStatus.TOO_MANY_REQUESTS, "quota");
        }
        attributes.put(ACCOUNT, account.get().value());
        attributes.put(CONVERSATION, conversation);
        attributes.put(AFTER, after);
        return true;
    }

    @Override
    public void afterHandshake(
            ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler, Exception exception) {}

    private static Optional<String> key(ServerHttpRequest request, String accessToken) {
        Optional<String> bearer =
                ApiKeys.fromAuthorizationHeader(request.getHeaders().getFirst(HttpHeaders.AUTHORIZATION));
        if (bearer.isPresent()) {
            return bearer;
        }
        if (accessToken != null && !accessToken.isBlank()) {
            return Optional.of(accessToken);
        }
        return request.getHeaders().getOrEmpty("Sec-WebSocket-Protocol").stream()
                .flatMap(value -> java.util.Arrays.stream(value.split(",")))
                .map(String::strip)
                .filter(value -> !value.isEmpty() && !value.equals(ConversationSocket.SUBPROTOCOL))
                .findFirst();
    }
}
