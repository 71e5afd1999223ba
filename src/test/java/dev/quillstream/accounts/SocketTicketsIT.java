package dev.quillstream.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quillstream.testing.TestDatabase;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** Socket tickets on a real PostgreSQL: single use, expiry, the conversation they are bound to. */
class SocketTicketsIT {

    static JdbcClient jdbc;
    static AccountId account;

    @BeforeAll
    static void database() {
        DriverManagerDataSource dataSource = new DriverManagerDataSource(TestDatabase.freshSchemaUrl("tickets"));
        Flyway.configure().dataSource(dataSource).load().migrate();
        jdbc = JdbcClient.create(dataSource);
        account = new ApiKeys(jdbc).createAccount("ticket tests").account();
    }

    @Test
    void aTicketOpensOneSocketOnlyAndActsForItsAccount() {
        SocketTickets tickets = new SocketTickets(jdbc, Duration.ofSeconds(60));
        SocketTickets.IssuedTicket issued = tickets.issue(account, null);
        assertThat(issued.ticket()).startsWith("qst_").hasSizeGreaterThan(40);
        assertThat(tickets.redeem(issued.ticket(), "any-conversation")).contains(account);
        assertThat(tickets.redeem(issued.ticket(), "any-conversation"))
                .as("used up")
                .isEmpty();
    }

    @Test
    void aTicketForOneConversationOpensNoOtherAndIsUsedUpByTrying() {
        SocketTickets tickets = new SocketTickets(jdbc, Duration.ofSeconds(60));
        SocketTickets.IssuedTicket issued = tickets.issue(account, "mine");
        assertThat(tickets.redeem(issued.ticket(), "other")).isEmpty();
        assertThat(tickets.redeem(issued.ticket(), "mine"))
                .as("a misused ticket is gone")
                .isEmpty();
        assertThat(tickets.redeem(tickets.issue(account, "mine").ticket(), "mine"))
                .contains(account);
    }

    @Test
    void anExpiredTicketOpensNothingAndIsCleanedUpLater() {
        Instant past = Instant.now().minus(Duration.ofMinutes(5));
        SocketTickets then = new SocketTickets(jdbc, Duration.ofSeconds(60), Clock.fixed(past, ZoneOffset.UTC));
        SocketTickets now = new SocketTickets(jdbc, Duration.ofSeconds(60));
        String expired = then.issue(account, null).ticket();
        String unused = then.issue(account, null).ticket();
        assertThat(now.redeem(expired, "c")).isEmpty();

        now.issue(account, null);
        assertThat(jdbc.sql("select count(*) from socket_tickets where ticket_hash = :hash")
                        .param("hash", ApiKeys.hash(unused))
                        .query(Long.class)
                        .single())
                .as("an expired ticket nobody used is deleted when the next one is issued")
                .isZero();
    }

    @Test
    void onlyTheHashIsStoredAndUnknownOrMalformedTicketsOpenNothing() {
        SocketTickets tickets = new SocketTickets(jdbc, Duration.ofSeconds(60));
        String ticket = tickets.issue(account, null).ticket();
        assertThat(jdbc.sql("select count(*) from socket_tickets where ticket_hash = :ticket")
                        .param("ticket", ticket)
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(tickets.redeem("qst_" + UUID.randomUUID(), "c")).isEmpty();
        assertThat(tickets.redeem("qs_an_api_key_is_not_a_ticket", "c")).isEmpty();
        assertThat(tickets.redeem("qst_" + "x".repeat(200), "c")).isEmpty();
    }

    @Test
    void aTicketLifetimeMustBePositive() {
        assertThatThrownBy(() -> new SocketTickets(jdbc, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("QUILLSTREAM_WS_TICKET_TTL");
    }
}
