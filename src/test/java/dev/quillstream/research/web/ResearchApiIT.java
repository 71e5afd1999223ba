package dev.quillstream.research.web;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.quillstream.QuillstreamApplication;
import dev.quillstream.accounts.ApiKeys;
import dev.quillstream.research.local.Library;
import dev.quillstream.testing.ApiClient;
import dev.quillstream.testing.TestDatabase;
import dev.quillstream.testing.WireFixtures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * {@code POST /api/v1/research} and the library API over real HTTP: SerpApi, Tavily and Exa
 * answer from their recorded wire samples on a loopback WireMock, the library is real PostgreSQL
 * full-text search over a folder and uploads. The in-process cache is used (no REDIS_URL).
 */
@SpringBootTest(
        classes = QuillstreamApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "quillstream.bootstrap-api-key=" + ResearchApiIT.KEY)
class ResearchApiIT {

    static final String KEY = "qs_test_bootstrap_key_for_research_api_it";
    static final WireMockServer WIRE = new WireMockServer(
            WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
    static final Path LIBRARY;

    static {
        WIRE.start();
        try {
            LIBRARY = Files.createTempDirectory("quillstream-library");
            Files.createDirectories(LIBRARY.resolve("guides"));
            Files.writeString(LIBRARY.resolve("guides/autoscaling.md"), """
                    # Autoscaling handbook

                    Our clusters use the Horizontal Pod Autoscaler with a CPU target of 70 percent.
                    Queue workers scale with KEDA on RabbitMQ queue length.""");
            Files.write(
                    LIBRARY.resolve("grooming.pdf"),
                    dev.quillstream.testing.TestPdfs.pdf(
                            "Feline grooming", "Cats groom each other to bond.", "Licking is affection."));
            Files.writeString(LIBRARY.resolve(".hidden.md"), "# Secret\n\nnever indexed");
            Files.writeString(LIBRARY.resolve("image.png"), "not a document");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry, "research_api");
        registry.add("quillstream.research.serpapi.api-key", () -> "serp-key");
        registry.add("quillstream.research.serpapi.base-url", WIRE::baseUrl);
        registry.add("quillstream.research.tavily.api-key", () -> "tvly-key");
        registry.add("quillstream.research.tavily.base-url", WIRE::baseUrl);
        registry.add("quillstream.research.exa.api-key", () -> "exa-key");
        registry.add("quillstream.research.exa.base-url", WIRE::baseUrl);
        registry.add("quillstream.research.timeout", () -> "2s");
        registry.add("quillstream.research.library.dir", LIBRARY::toString);
        registry.add("quillstream.research.library.scan-interval", () -> "0s");
    }

    @AfterAll
    static void stopWire() {
        WIRE.stop();
    }

    @LocalServerPort
    int port;

    @Autowired
    ApiKeys keys;

    @Autowired
    Library library;

    ApiClient api;

    @BeforeEach
    void client() {
        api = new ApiClient("http://127.0.0.1:" + port, KEY);
        WIRE.resetAll();
        WIRE.stubFor(get(urlPathEqualTo("/search.json"))
                .withQueryParam("api_key", equalTo("serp-key"))
                .willReturn(json(200, WireFixtures.text("serpapi/search.google.response.json"))));
        WIRE.stubFor(post("/search")
                .withHeader("Authorization", equalTo("Bearer tvly-key"))
                .willReturn(json(200, WireFixtures.text("tavily/search.response.json"))));
        WIRE.stubFor(post("/search")
                .withHeader("x-api-key", equalTo("exa-key"))
                .willReturn(json(200, WireFixtures.text("exa/search.response.prism-static.json"))));
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(int status, String body) {
        return aResponse()
                .withStatus(status)
                .withHeader("Content-Type", "application/json")
                .withBody(body);
    }

    private ApiClient.Response research(String query, String sources) {
        return api.post("/api/v1/research", """
                {"query":"%s","sources":%s,"max_results":10}""".formatted(query, sources));
    }

    private static List<String> urls(JsonNode response) {
        List<String> urls = new ArrayList<>();
        response.path("results").forEach(r -> urls.add(r.path("url").asString()));
        return urls;
    }

    @Test
    void asksEverySourceAndMergesTheirAnswers() {
        ApiClient.Response response = research("why my cat licks me", "[\"serp\",\"tavily\",\"metaphor\"]");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode body = response.json();
        assertThat(urls(body))
                .containsExactlyInAnyOrder(
                        "https://www.example.com/why-does-my-cat-lick-me",
                        "https://tavily.com/",
                        "https://arxiv.org/pdf/2307.06435.pdf");
        body.path("results").forEach(result -> {
            assertThat(result.path("title").asString()).isNotBlank();
            assertThat(result.path("snippet").asString()).isNotBlank();
            assertThat(result.path("sources").size()).isEqualTo(1);
            assertThat(result.path("score").asDouble()).isPositive();
        });
        assertThat(body.path("related_queries").toString()).contains("why does my cat lick me at night");
        assertThat(body.path("people_also_ask").get(0).path("question").asString())
                .isEqualTo("How do I know my cat loves me?");
        assertThat(body.path("warnings").isEmpty()).isTrue();
        assertThat(body.path("sources").toString()).isEqualTo("[\"serp\",\"tavily\",\"exa\"]");
    }

    @Test
    void withOneSourceDownTheOthersStillAnswerAndTheWarningNamesIt() {
        WIRE.stubFor(get(urlPathEqualTo("/search.json"))
                .withQueryParam("q", equalTo("serp is down"))
                .willReturn(json(503, "{\"error\":\"Service temporarily unavailable\"}")));
        ApiClient.Response response = research("serp is down", "[\"serp\",\"tavily\",\"exa\"]");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode body = response.json();
        assertThat(urls(body)).containsExactlyInAnyOrder("https://tavily.com/", "https://arxiv.org/pdf/2307.06435.pdf");
        assertThat(body.path("warnings")).hasSize(1);
        assertThat(body.path("warnings").get(0).path("source").asString()).isEqualTo("serp");
        assertThat(body.path("warnings").get(0).path("message").asString())
                .contains("HTTP 503")
                .contains("Service temporarily unavailable");
    }

    @Test
    void aSlowSourceIsCutOffAtItsDeadline() {
        WIRE.stubFor(post("/search")
                .withHeader("x-api-key", equalTo("exa-key"))
                .withRequestBody(equalToJson("{\"query\":\"exa is slow\"}", true, true))
                .willReturn(json(200, WireFixtures.text("exa/search.response.prism-static.json"))
                        .withFixedDelay(5000)));
        JsonNode body = research("exa is slow", "[\"tavily\",\"exa\"]").json();
        assertThat(urls(body)).containsExactly("https://tavily.com/");
        assertThat(body.path("warnings").get(0).path("source").asString()).isEqualTo("exa");
    }

    @Test
    void aRepeatedQueryWithinTheTtlCallsNoSource() {
        JsonNode first =
                research("cats and caches", "[\"serp\",\"tavily\",\"exa\"]").json();
        int calls = WIRE.getAllServeEvents().size();
        assertThat(calls).isEqualTo(3);
        JsonNode again =
                research("Cats  and CACHES", "[\"exa\",\"serp\",\"tavily\"]").json();
        assertThat(WIRE.getAllServeEvents()).hasSize(calls);
        assertThat(again.path("results")).isEqualTo(first.path("results"));
    }

    @Test
    void whenEverySourceFailsItIsA503ThatSaysWhyAndWhen() {
        var limited = WireFixtures.http("tavily/error.429.rate_limit.http");
        MappingBuilder tavily = post("/search").withHeader("Authorization", equalTo("Bearer tvly-key"));
        WIRE.stubFor(tavily.atPriority(1)
                .willReturn(aResponse()
                        .withStatus(limited.status())
                        .withHeaders(new com.github.tomakehurst.wiremock.http.HttpHeaders(
                                limited.headers().entrySet().stream()
                                        .map(h -> new com.github.tomakehurst.wiremock.http.HttpHeader(
                                                h.getKey(), h.getValue()))
                                        .toList()))
                        .withBody(limited.body())));
        ApiClient.Response response = research("rate limited everywhere", "[\"tavily\"]");
        assertThat(response.status()).isEqualTo(503);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.header("Retry-After")).isEqualTo("7");
        assertThat(response.json().path("warnings").get(0).path("message").asString())
                .contains("rate limited");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            unknown source        | {"query":"q","sources":["serp","bing"]}           | sources[1]
            null source           | {"query":"q","sources":[null]}                    | sources[0]
            sources not an array  | {"query":"q","sources":"serp"}                    | sources
            blank query           | {"query":"  "}                                    | query
            missing query         | {"sources":["local"]}                             | query
            query too long        | {"query":"%s"}                                    | query
            zero results          | {"query":"q","max_results":0}                     | max_results
            too many results      | {"query":"q","max_results":51}                    | max_results
            results not a number  | {"query":"q","max_results":"ten"}                 | max_results
            malformed JSON        | {"query":                                         | body
            """)
    void badInputIsA400NamingTheField(String name, String body, String field) {
        ApiClient.Response response = api.post("/api/v1/research", body.formatted("q".repeat(401)));
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().path("errors").get(0).path("field").asString())
                .isEqualTo(field);
        assertThat(WIRE.getAllServeEvents()).isEmpty();
    }

    @Test
    void theLibraryFolderIsSearchedWithFullTextSearch() {
        // The scan at start runs in the background: wait for it (a scan of an unchanged folder changes nothing).
        library.scan();
        JsonNode body = research("rabbitmq queue scaling", "[\"local\"]").json();
        assertThat(urls(body)).containsExactly("library:guides/autoscaling.md");
        JsonNode result = body.path("results").get(0);
        assertThat(result.path("title").asString()).isEqualTo("Autoscaling handbook");
        assertThat(result.path("snippet").asString()).containsIgnoringCase("queue");
        assertThat(result.path("sources").toString()).isEqualTo("[\"local\"]");

        assertThat(urls(research("feline licking affection", "[\"local\"]").json()))
                .as("PDFs are indexed by their text")
                .containsExactly("library:grooming.pdf");
        assertThat(urls(research("secret never indexed", "[\"local\"]").json())).isEmpty();
        assertThat(WIRE.getAllServeEvents()).isEmpty();
    }

    @Test
    void uploadsAreSearchableByTheirOwnerOnlyAndCanBeDeleted() {
        String query = "kafka consumer lag thresholds";
        assertThat(urls(research(query, "[\"local\"]").json())).isEmpty();

        ApiClient.Response uploaded = api.upload(
                "/api/v1/library/documents",
                "file",
                "kafka notes.md",
                "text/markdown",
                "# Kafka scaling\n\nWe scale consumers when consumer lag passes 1000 messages; thresholds are per topic."
                        .getBytes(StandardCharsets.UTF_8));
        assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(201);
        JsonNode document = uploaded.json();
        String id = document.path("id").asString();
        assertThat(uploaded.header("Location")).isEqualTo("/api/v1/library/documents/" + id);
        assertThat(document.path("title").asString()).isEqualTo("Kafka scaling");
        assertThat(document.path("origin").asString()).isEqualTo("upload");
        assertThat(document.path("url").asString()).isEqualTo("library:uploads/" + id + "/kafka%20notes.md");

        assertThat(urls(research(query, "[\"local\"]").json()))
                .as("the cached empty answer is not served once the library changed")
                .containsExactly(document.path("url").asString());
        assertThat(api.get("/api/v1/library/documents/" + id + "/text").body()).contains("consumer lag passes 1000");
        assertThat(api.get("/api/v1/library/documents?size=100")
                        .json()
                        .path("items")
                        .toString())
                .contains(id)
                .contains("library:guides/autoscaling.md");

        ApiClient other = api.withKey(keys.createAccount("other").key());
        assertThat(urls(other.post("/api/v1/research", "{\"query\":\"" + query + "\",\"sources\":[\"local\"]}")
                        .json()))
                .isEmpty();
        assertThat(other.get("/api/v1/library/documents/" + id).status()).isEqualTo(404);
        assertThat(other.delete("/api/v1/library/documents/" + id).status()).isEqualTo(404);

        ApiClient.Response again = api.upload(
                "/api/v1/library/documents",
                "file",
                "copy.md",
                "text/markdown",
                "# Kafka scaling\n\nWe scale consumers when consumer lag passes 1000 messages; thresholds are per topic."
                        .getBytes(StandardCharsets.UTF_8));
        assertThat(again.status())
                .as("the same file again is the same document")
                .isEqualTo(200);
        assertThat(again.json().path("id").asString()).isEqualTo(id);

        assertThat(api.delete("/api/v1/library/documents/" + id).status()).isEqualTo(204);
        assertThat(urls(research(query, "[\"local\"]").json())).isEmpty();
    }

    @Test
    void uploadsThatAreNotDocumentsAreRefusedNamingTheFile() {
        ApiClient.Response image = api.upload(
                "/api/v1/library/documents", "file", "photo.png", "image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G'});
        assertThat(image.status()).isEqualTo(400);
        assertThat(image.json().path("errors").get(0).path("field").asString()).isEqualTo("file");
        ApiClient.Response empty =
                api.upload("/api/v1/library/documents", "file", "empty.md", "text/markdown", new byte[0]);
        assertThat(empty.status()).isEqualTo(400);
    }

    @Test
    void folderDocumentsAreNotDeletedThroughTheApi() {
        String id = null;
        for (JsonNode item :
                api.get("/api/v1/library/documents?size=100").json().path("items")) {
            if (item.path("origin").asString().equals("folder")) {
                id = item.path("id").asString();
            }
        }
        assertThat(id).isNotNull();
        assertThat(api.delete("/api/v1/library/documents/" + id).status()).isEqualTo(409);
    }
}
