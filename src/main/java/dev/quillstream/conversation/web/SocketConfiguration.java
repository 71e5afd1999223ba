package dev.quillstream.conversation.web;

import dev.quillstream.platform.roles.NodeRoles;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;
import org.springframework.web.socket.server.jetty.JettyRequestUpgradeStrategy;
import org.springframework.web.socket.server.support.DefaultHandshakeHandler;

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
        JettyRequestUpgradeStrategy jetty = new JettyRequestUpgradeStrategy();
        jetty.addWebSocketConfigurer(settings -> {
            // The feed's heartbeat decides when a client is gone; Jetty's own timeout only backs it up.
            settings.setIdleTimeout(socket.pingInterval().multipliedBy(3));
            // A message is at most ConversationSocket.MAX_MESSAGE characters of up to 4 bytes each.
            settings.setMaxTextMessageSize(4L * ConversationSocket.MAX_MESSAGE + 1024);
        });
        registry.addHandler(socket, "/ws/conversation/*")
                .setHandshakeHandler(new DefaultHandshakeHandler(jetty))
                .addInterceptors(handshake)
                .setAllowedOrigins("*");
    }
}
