package dev.quillstream.conversation.web;

import dev.quillstream.platform.roles.NodeRoles;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;

/** {@code /ws/conversation/{id}} on nodes with the {@code api} role. A key or a ticket is the only credential, so any origin may connect. */
@Configuration(proxyBeanMethods = false)
@EnableWebSocket
@EnableScheduling
class SocketConfiguration implements WebSocketConfigurer {

    private final ConversationSocket socket;
    private final SocketHandshake handshake;
    private final NodeRoles roles;

    SocketConfiguration(ConversationSocket socket, SocketHandshake handshake, NodeRoles roles) {
        this.socket = socket;
        this.handshake = handshake;
        this.roles = roles;
    }

    @Override
    public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
        if (!roles.api()) {
            return;
        }
        registry.addHandler(socket, "/ws/conversation/*")
                .addInterceptors(handshake)
                .setAllowedOrigins("*");
    }
}
