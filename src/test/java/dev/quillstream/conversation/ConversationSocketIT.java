package dev.quillstream.conversation;

import static dev.quillstream.testing.SocketClient.is;
import static org.assertj.core.api.Assertions.assertThat;

import dev.quillstream.QuillstreamApplication;
import dev.quillstream.testing.ApiClient;
import dev.quillstream.testing.SocketClient;
import dev.quillstream.testing.TestDatabase;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * A conversation over the WebSocket, on the in-process event log (no Redis): live events with a
 * gap-free seq, replay after a seq, stored messages, a revision asked on the socket, GET and DELETE.
 * {@link RedisConversationSocketIT} runs the same against Redis.
 */
@SpringBootTest(
        classes = QuillstreamApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "quillstream.bootstrap-api-key=" + ConversationSocketIT.KEY,
            "quillstream.jobs.poll-interval=100ms",
            "quillstream.websocket.max-sockets-per-account=" + ConversationSocketIT.SOCKETS_PER_ACCOUNT
        })
class ConversationSocketIT {

    static final String KEY = "qs_test_bootstrap_key_for_conversation_it";
    static final Duration WAIT = Duration.ofSeconds(90);
    static final int SOCKETS_PER_ACCOUNT = 8;

    @org.springframework.beans.factory.annotation.Autowired
    dev.quillstream.accounts.ApiKeys keys;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry, "conversation");
    }

    @LocalServerPort
    int port;

    ApiClient api;
    String ws;

    @BeforeEach
    void client() {
        api = new ApiClient("http://127.0.0.1:" + port, KEY);
        ws = "ws://127.0.0.1:" + port;
    }

    @Test
    void streamsAJobLiveThenReplaysExactlyWhatCameAfterASeq() throws Exception {
        String conversation = "c-" + UUID.randomUUID();
        List<JsonNode> live;
        try (SocketClient client = SocketClient.connect(ws, conversation, 0, KEY)) {
            ApiClient.Response accepted = api.post("/api/v1/generate-blog", """
                    {"topic":"Streaming test","keywords":["stream"],"async":true,"target_words":300,
                     "conversation_id":"%s"}""".formatted(conversation));
            assertThat(accepted.status()).isEqualTo(202);
            live = client.until(f -> is(f, "job.completed"), WAIT);
        }
        assertGapFree(live, 1);
        assertThat(live.getFirst().path("type").asString()).isEqualTo("message");
        assertThat(live.getFirst().path("role").asString()).isEqualTo("user");
        assertThat(live)
                .anyMatch(f -> is(f, "token") && !f.path("content").asString().isEmpty());
        assertThat(live)
                .anyMatch(f -> is(f, "progress")
                        && "part_finished".equals(f.path("data").path("state").asString()));
        JsonNode assistant = live.get(live.size() - 2);
        assertThat(assistant.path("type").asString()).isEqualTo("message");
        assertThat(assistant.path("role").asString()).isEqualTo("assistant");

        long after = live.get(live.size() / 2).path("seq").asLong();
        try (SocketClient again = SocketClient.connect(ws, conversation, after, KEY)) {
            List<JsonNode> replayed = again.until(f -> is(f, "job.completed"), WAIT);
            assertThat(replayed).isEqualTo(live.subList(live.size() / 2 + 1, live.size()));
        }

        JsonNode stored = api.get("/api/v1/conversations/" + conversation).json();
        assertThat(stored.path("id").asString()).isEqualTo(conversation);
        assertThat(stored.path("messages")).hasSize(2);
        assertThat(stored.path("messages").get(0).path("role").asString()).isEqualTo("user");
        assertThat(stored.path("messages").get(1).path("timestamp").asString()).isNotBlank();
        assertThat(stored.path("last_seq").asLong())
                .isEqualTo(live.getLast().path("seq").asLong());
    }

    @Test
    void aMessageOnTheSocketIsStoredAndRevisesTheNamedPartAsANewVersion() throws Exception {
        String conversation = "rev-" + UUID.randomUUID();
        JsonNode post =
                api.post("/api/v1/generate-blog", """
                        {"topic":"Revision test","target_words":600,"conversation_id":"%s"}""".formatted(conversation)).json();
        String introduction = post.path("sections")
                .get(0)
                .path("subtopics")
                .get(0)
                .path("content")
                .asString();
        long last = api.get("/api/v1/conversations/" + conversation)
                .json()
                .path("last_seq")
                .asLong();

        try (SocketClient client = SocketClient.connectWithSubprotocol(ws, conversation, KEY)) {
            client.send("{\"role\":\"user\",\"content\":\"Make the introduction shorter\"}");
            List<JsonNode> frames = client.until(
                    f -> (is(f, "job.completed") || is(f, "job.failed"))
                            && f.path("seq").asLong() > last,
                    WAIT);
            assertThat(frames.getLast().path("type").asString())
                    .as(frames.toString())
                    .isEqualTo("job.completed");
            assertGapFree(frames, 1);
            JsonNode asked = frames.stream()
                    .filter(f -> f.path("seq").asLong() > last)
                    .findFirst()
                    .orElseThrow();
            assertThat(asked.path("type").asString()).isEqualTo("message");
            assertThat(asked.path("content").asString()).isEqualTo("Make the introduction shorter");
            String version = frames.getLast().path("data").path("result_id").asString();
            JsonNode revised = api.get("/api/v1/contents/" + version).json();
            String newIntroduction = revised.path("sections")
                    .get(0)
                    .path("subtopics")
                    .get(0)
                    .path("content")
                    .asString();
            assertThat(version).isNotEqualTo(post.path("id").asString());
            assertThat(newIntroduction.split("\\s+").length).isLessThan(introduction.split("\\s+").length);
            assertThat(revised.path("sections").get(1))
                    .isEqualTo(post.path("sections").get(1));
        }
        JsonNode stored = api.get("/api/v1/conversations/" + conversation + "?size=2&page=1")
                .json();
        assertThat(stored.path("total_messages").asLong()).isEqualTo(4);
        assertThat(stored.path("messages").get(0).path("content").asString())
                .isEqualTo("Make the introduction shorter");
    }

    @Test
    void socketsNeedAKeyAndTheirOwnConversationAndDeleteForgetsIt() throws Exception {
        String conversation = "auth-" + UUID.randomUUID();
        assertThat(api.withKey(null)
                        .get("/api/v1/conversations/" + conversation)
                        .status())
                .isEqualTo(401);
        assertThat(api.get("/api/v1/conversations/" + conversation).status()).isEqualTo(404);
        assertHandshakeRefused(() -> SocketClient.connect(ws, conversation, 0, "qs_wrong"), 401);
        try (SocketClient client = SocketClient.connect(ws, conversation, 0, KEY)) {
            assertThat(connectionError(client).path("seq").isNull()).isTrue();
        }
        assertThat(api.get("/api/v1/conversations/" + conversation).status()).isEqualTo(200);
        assertThat(api.delete("/api/v1/conversations/" + conversation)
                        .json()
                        .path("success")
                        .asBoolean())
                .isTrue();
        assertThat(api.get("/api/v1/conversations/" + conversation).status()).isEqualTo(404);
        assertThat(firstErrorField(
                        api.post("/api/v1/generate-blog", "{\"topic\":\"t\",\"conversation_id\":\"bad id!\"}")))
                .isEqualTo("conversation_id");
    }

    @Test
    void aTicketOpensOneSocketForItsConversationWithoutTheKeyInTheUrl() throws Exception {
        String conversation = "ticket-" + UUID.randomUUID();
        assertThat(api.withKey(null).post("/api/v1/ws-tickets", "{}").status()).isEqualTo(401);
        assertThat(firstErrorField(api.post("/api/v1/ws-tickets", "{\"conversation_id\":\"bad id!\"}")))
                .isEqualTo("conversation_id");

        ApiClient.Response issued = askForTicket(conversation);
        assertThat(issued.status()).isEqualTo(201);
        String ticket = issued.json().path("ticket").asString();
        assertThat(issued.json().path("url").asString())
                .isEqualTo("/ws/conversation/" + conversation + "?ticket=" + ticket);
        assertThat(issued.json().path("expires_at").asString()).isNotBlank();
        try (SocketClient client = SocketClient.connectWithTicket(ws, conversation, ticket)) {
            assertThat(connectionError(client).path("seq").isNull()).isTrue();
        }
        assertHandshakeRefused(() -> SocketClient.connectWithTicket(ws, conversation, ticket), 401);

        String anyConversation = askForTicket(null).json().path("ticket").asString();
        String other = "ticket-other-" + UUID.randomUUID();
        try (SocketClient client = SocketClient.connectWithTicket(ws, other, anyConversation)) {
            assertThat(connectionError(client)).isNotNull();
        }
        String boundElsewhere = askForTicket(conversation).json().path("ticket").asString();
        assertHandshakeRefused(() -> SocketClient.connectWithTicket(ws, other, boundElsewhere), 401);
    }

    @Test
    void anAccountOpensNoMoreSocketsThanItsLimitAndAClosedOneMakesRoom() throws Exception {
        String key = keys.createAccount("socket quota").key();
        List<SocketClient> open = new java.util.ArrayList<>();
        try {
            for (int i = 0; i < SOCKETS_PER_ACCOUNT; i++) {
                open.add(SocketClient.connect(ws, "quota-" + i + "-" + UUID.randomUUID(), 0, key));
            }
            assertHandshakeRefused(() -> SocketClient.connect(ws, "quota-more-" + UUID.randomUUID(), 0, key), 429);
            assertThat(new ApiClient("http://127.0.0.1:" + port, null)
                            .get("/actuator/prometheus")
                            .body())
                    .as("refusals are counted for operators")
                    .containsPattern("quillstream_websocket_refused_total\\{[^}]*reason=\"quota\"[^}]*\\} [1-9]");
            try (SocketClient otherAccount = SocketClient.connect(ws, "quota-other-" + UUID.randomUUID(), 0, KEY)) {
                assertThat(connectionError(otherAccount))
                        .as("others are not limited")
                        .isNotNull();
            }

            open.removeFirst().close();
            long deadline = System.nanoTime() + WAIT.toNanos();
            SocketClient again = null;
            while (again == null) {
                try {
                    again = SocketClient.connect(ws, "quota-again-" + UUID.randomUUID(), 0, key);
                } catch (java.util.concurrent.CompletionException stillFull) {
                    assertThat(System.nanoTime()).as("room after a close").isLessThan(deadline);
                    Thread.sleep(50); // the server counts the close once its close handshake ends
                }
            }
            open.add(again);
            assertThat(connectionError(again)).isNotNull();
        } finally {
            open.forEach(SocketClient::close);
        }
    }

    /** A ticket for one conversation, or (null) for any: an empty body. */
    ApiClient.Response askForTicket(String conversation) {
        return api.post(
                "/api/v1/ws-tickets",
                conversation == null ? "" : "{\"conversation_id\":\"%s\"}".formatted(conversation));
    }

    /** Proves a socket is open and served: a message that is not JSON gets a connection {@code error}. */
    static JsonNode connectionError(SocketClient client) throws InterruptedException {
        client.send("not json");
        return client.until(f -> is(f, "error"), WAIT).getLast();
    }

    static String firstErrorField(ApiClient.Response response) {
        return response.json().path("errors").get(0).path("field").asString();
    }

    static void assertHandshakeRefused(java.util.function.Supplier<SocketClient> connect, int status) {
        try {
            connect.get().close();
            throw new AssertionError("the handshake must be refused");
        } catch (java.util.concurrent.CompletionException expected) {
            assertThat(expected.getCause()).isInstanceOf(java.net.http.WebSocketHandshakeException.class);
            assertThat(((java.net.http.WebSocketHandshakeException) expected.getCause())
                            .getResponse()
                            .statusCode())
                    .isEqualTo(status);
        }
    }

    /** Every frame has the next seq: in order, none missing, none twice. */
    static void assertGapFree(List<JsonNode> frames, long first) {
        long expected = frames.getFirst().path("seq").asLong();
        assertThat(expected).isGreaterThanOrEqualTo(first);
        for (JsonNode frame : frames) {
            assertThat(frame.path("seq").asLong()).as(frame.toString()).isEqualTo(expected++);
        }
    }
}
