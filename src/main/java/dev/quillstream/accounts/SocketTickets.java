package dev.quillstream.accounts;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Short-lived, single-use tickets for opening a WebSocket ({@code POST /api/v1/ws-tickets}), so a
 * browser need not put its API key in a URL, where proxies and logs keep it. A ticket acts for the
 * account that asked for it, opens at most one socket (it is deleted as it is used, atomically, in
 * PostgreSQL, so every node sees the same), optionally only for one conversation, and expires after
 * {@code QUILLSTREAM_WS_TICKET_TTL}. Only its hash is stored, like an API key's.
 */
@Service
public class SocketTickets {

    static final String PREFIX = "qst_";

    private final JdbcClient jdbc;
    private final Duration ttl;
    private final Clock clock;

    @Autowired
    SocketTickets(JdbcClient jdbc, @Value("${quillstream.websocket.ticket-ttl:60s}") Duration ttl) {
        this(jdbc, ttl, Clock.systemUTC());
    }

    SocketTickets(JdbcClient jdbc, Duration ttl, Clock clock) {
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("QUILLSTREAM_WS_TICKET_TTL must be positive, not " + ttl);
        }
        this.jdbc = jdbc;
        this.ttl = ttl;
        this.clock = clock;
    }

    /** A new ticket for the account, for one conversation or (null) any of the account's. */
    public IssuedTicket issue(AccountId account, @Nullable String conversationId) {
        Instant now = clock.instant();
        // Expired tickets nobody used go here, a few at a time, instead of on a schedule.
        jdbc.sql("delete from socket_tickets where expires_at < :now")
                .param("now", Timestamp.from(now))
                .update();
        String ticket = ApiKeys.newSecret(PREFIX);
        Instant expires = now.plus(ttl);
        jdbc.sql("""
                        insert into socket_tickets (ticket_hash, account_id, conversation_id, expires_at)
                        values (:hash, :account, :conversation, :expires)
                        """)
                .param("hash", ApiKeys.hash(ticket))
                .param("account", account.value())
                .param("conversation", conversationId)
                .param("expires", Timestamp.from(expires))
                .update();
        return new IssuedTicket(ticket, expires, conversationId);
    }

    /**
     * The account a ticket acts for, if it is valid for this conversation. Any attempt uses the
     * ticket up, valid or not, so a ticket that leaked after its first use is worthless.
     */
    public Optional<AccountId> redeem(String ticket, String conversationId) {
        if (!ticket.startsWith(PREFIX) || ticket.length() > 128) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        return jdbc.sql("""
                        delete from socket_tickets where ticket_hash = :hash
                        returning account_id, conversation_id, expires_at
                        """)
                .param("hash", ApiKeys.hash(ticket))
                .query((row, n) -> new Stored(
                        row.getObject("account_id", UUID.class),
                        row.getString("conversation_id"),
                        row.getTimestamp("expires_at").toInstant()))
                .optional()
                .filter(stored -> now.isBefore(stored.expires()))
                .filter(stored -> stored.conversationId() == null
                        || stored.conversationId().equals(conversationId))
                .map(stored -> new AccountId(stored.account()));
    }

    private record Stored(UUID account, @Nullable String conversationId, Instant expires) {}

    /** A ticket in clear, as handed to the client once. */
    public record IssuedTicket(
            String ticket, Instant expiresAt, @Nullable String conversationId) {}
}
