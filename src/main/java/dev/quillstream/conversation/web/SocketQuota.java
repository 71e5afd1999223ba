package dev.quillstream.conversation.web;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * At most {@code QUILLSTREAM_WS_MAX_SOCKETS_PER_ACCOUNT} open sockets per account on this node.
 * Each socket holds buffers and a virtual thread, so without a cap one leaked key or one client in a
 * reconnect loop could take a node's memory. Counted per node, like the provider limits.
 */
@Component
class SocketQuota {

    private final int limit;
    private final Map<UUID, Integer> open = new ConcurrentHashMap<>();

    SocketQuota(@Value("${quillstream.websocket.max-sockets-per-account:200}") int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException(
                    "QUILLSTREAM_WS_MAX_SOCKETS_PER_ACCOUNT must be at least 1, not " + limit);
        }
        this.limit = limit;
    }

    int limit() {
        return limit;
    }

    /** Whether the account is at its limit already (checked at the handshake, to answer 429). */
    boolean full(UUID account) {
        return open.getOrDefault(account, 0) >= limit;
    }

    /** Counts a socket in; false when the account is at its limit (the socket is to be closed). */
    boolean tryAcquire(UUID account) {
        boolean[] granted = {false};
        open.compute(account, (id, count) -> {
            int now = count == null ? 0 : count;
            if (now >= limit) {
                return count;
            }
            granted[0] = true;
            return now + 1;
        });
        return granted[0];
    }

    void release(UUID account) {
        open.computeIfPresent(account, (id, count) -> count <= 1 ? null : count - 1);
    }
}
