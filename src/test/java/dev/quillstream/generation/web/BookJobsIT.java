package dev.quillstream.generation.web;

import static dev.quillstream.testing.SocketClient.is;
import static org.assertj.core.api.Assertions.assertThat;

import dev.quillstream.QuillstreamApplication;
import dev.quillstream.testing.ApiClient;
import dev.quillstream.testing.SocketClient;
import dev.quillstream.testing.TestDatabase;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Books as durable jobs over real HTTP and WebSocket: async by default with the job's location,
 * every section streamed and reported finished on the conversation, a conversation message that
 * rewrites one section in place, and a cancel that stops a book mid-run without storing it.
 */
@SpringBootTest(
        classes = QuillstreamApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "quillstream.bootstrap-api-key=" + BookJobsIT.KEY,
            "quillstream.jobs.poll-interval=100ms",
            "quillstream.llm.offline.first-token-latency=20ms"
        })
class BookJobsIT {

    static final String KEY = "qs_test_bootstrap_key_for_book_jobs_it";
    static final Duration WAIT = Duration.ofSeconds(120);

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry, "book_jobs");
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    ApiClient api;
    String ws;

    @BeforeEach
    void client() {
        api = new ApiClient("http://127.0.0.1:" + port, KEY);
        ws = "ws://127.0.0.1:" + port;
    }

    @Test
    void aBookIsAJobThatStreamsEverySectionAndAConversationMessageRewritesOneSectionInPlace() throws Exception {
        String conversation = "book-" + UUID.randomUUID();
        List<JsonNode> frames;
        String location;
        try (SocketClient client = SocketClient.connect(ws, conversation, 0, KEY)) {
            ApiClient.Response accepted = api.post("/api/v1/generate-book", """
                    {"title":"Streaming Books","num_chapters":3,"sections_per_chapter":2,"words_per_section":150,
                     "keywords":["streams"],"conversation_id":"%s"}""".formatted(conversation));
            assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
            location = accepted.header("Location");
            assertThat(location).startsWith("/api/v1/jobs/");
            frames = client.until(f -> is(f, "job.completed") || is(f, "job.failed"), WAIT);
        }
        assertThat(frames.getLast().path("type").asString())
                .as(frames.getLast().toString())
                .isEqualTo("job.completed");
        Map<String, Long> finished = frames.stream()
                .filter(f -> is(f, "progress")
                        && "part_finished".equals(f.path("data").path("state").asString()))
                .collect(Collectors.groupingBy(f -> f.path("data").path("part").asString(), Collectors.counting()));
        assertThat(finished)
                .containsOnlyKeys(
                        "chapter 1 section 1",
                        "chapter 1 section 2",
                        "chapter 2 section 1",
                        "chapter 2 section 2",
                        "chapter 3 section 1",
                        "chapter 3 section 2")
                .allSatisfy((part, times) -> assertThat(times).isEqualTo(1));
        assertThat(frames)
                .anyMatch(
                        f -> is(f, "token") && "chapters".equals(f.path("step").asString()));

        JsonNode job = api.get(location).json();
        assertThat(job.path("status").asString()).isEqualTo("completed");
        assertThat(job.path("kind").asString()).isEqualTo("book");
        String id = job.path("result_id").asString();
        JsonNode book = api.get("/api/v1/contents/" + id).json();
        assertThat(book.path("chapters").size()).isEqualTo(3);
        assertThat(book.path("metadata").path("conversation_id").asString()).isEqualTo(conversation);

        long last = api.get("/api/v1/conversations/" + conversation)
                .json()
                .path("last_seq")
                .asLong();
        try (SocketClient client = SocketClient.connectWithSubprotocol(ws, conversation, KEY)) {
            client.send("{\"role\":\"user\",\"content\":\"Rewrite chapter 2 section 1 with more examples\"}");
            List<JsonNode> revision = client.until(
                    f -> (is(f, "job.completed") || is(f, "job.failed"))
                            && f.path("seq").asLong() > last,
                    WAIT);
            assertThat(revision.getLast().path("type").asString())
                    .as(revision.getLast().toString())
                    .isEqualTo("job.completed");
            assertThat(revision.getLast().path("data").path("result_id").asString())
                    .isEqualTo(id);
        }
        JsonNode revised = api.get("/api/v1/contents/" + id).json();
        for (int c = 0; c < 3; c++) {
            for (int s = 0; s < 2; s++) {
                JsonNode before = book.path("chapters").get(c).path("topics").get(s);
                JsonNode after = revised.path("chapters").get(c).path("topics").get(s);
                if (c == 1 && s == 0) {
                    assertThat(after.path("content")).isNotEqualTo(before.path("content"));
                } else {
                    assertThat(after).isEqualTo(before);
                }
            }
        }
        JsonNode revision = revised.path("metadata").path("revisions").get(0);
        assertThat(revision.path("chapter").asInt()).isEqualTo(2);
        assertThat(revision.path("section").asInt()).isEqualTo(1);
        assertThat(revision.path("instructions").asString()).contains("more examples");
    }

    @Test
    void cancellingABookStopsItMidRunAndStoresNothing() throws Exception {
        long books = storedBooks();
        ApiClient.Response accepted = api.post("/api/v1/generate-book", """
                {"title":"A Long Book","num_chapters":20,"sections_per_chapter":5,"words_per_section":150}""");
        assertThat(accepted.status()).isEqualTo(202);
        String location = accepted.header("Location");
        awaitProgress(location);
        assertThat(api.post(location + "/cancel", "{}").status()).isEqualTo(200);
        JsonNode cancelled = await(location, "cancelled");
        assertThat(cancelled.path("progress").asInt()).isLessThan(100);
        assertThat(storedBooks()).isEqualTo(books);
    }

    private long storedBooks() {
        return jdbc.sql("select count(*) from contents where kind = 'book'")
                .query(Long.class)
                .single();
    }

    private void awaitProgress(String location) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode job = api.get(location).json();
            if ("running".equals(job.path("status").asString())
                    && job.path("progress").asInt() > 0) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the book never made progress");
    }

    private JsonNode await(String location, String status) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        JsonNode job = null;
        while (System.nanoTime() < deadline) {
            job = api.get(location).json();
            if (status.equals(job.path("status").asString())) {
                return job;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("job did not become " + status + ": " + job);
    }
}
