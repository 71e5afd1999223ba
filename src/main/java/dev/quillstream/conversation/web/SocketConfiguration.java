package dev.quillstream.conversation.web;

import dev.quillstream.accounts.ApiKeys;
import dev.quillstream.accounts.SocketTickets;
import dev.quillstream.conversation.Conversations;
import dev.quillstream.platform.roles.NodeRoles;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;

/** {@code /ws/conversation/{id}} on nodes with the {@code api} role. The key is the only credential, so any origin may connect. */
@Configuration(proxyBeanMethods = false)
@EnableWebSocket
@EnableScheduling
class SocketConfiguration implements WebSocketConfigurer {

    private final ConversationSocket socket;
    private final ApiKeys keys;
    private final SocketTickets tickets;
    private final Conversations conversations;
    private final NodeRoles roles;
    private final SocketQuota quota;
    private final MeterRegistry metrics;

    SocketConfiguration(
            ConversationSocket socket,
            ApiKeys keys,
            SocketTickets tickets,
            Conversations conversations,
            NodeRoles roles,
            SocketQuota quota,
            MeterRegistry metrics) {
        this.quota = quota;
        this.metrics = metrics;
        this.socket = socket;
        this.keys = keys;
        this.tickets = tickets;
        this.conversations = conversations;
        this.roles = roles;
    }

    @Override
    public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
        if (!roles.api()) {
            return;
        }
        registry.addHandler(socket, "/ws/conversation/*")
                .addInterceptors(new SocketHandshake(keys, tickets, conversations, quota, metrics))
                .setAllowedOrigins("*");
    }
}
