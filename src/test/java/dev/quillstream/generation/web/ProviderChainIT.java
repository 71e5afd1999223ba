package dev.quillstream.generation.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.quillstream.QuillstreamApplication;
import dev.quillstream.testing.ApiClient;
import dev.quillstream.testing.FakeProviderServer;
import dev.quillstream.testing.TestDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The "done when" of the provider layer, over REST with the real PostgreSQL and Redis: Gemini
 * (first in the cost order) fails every call, so the post is written by OpenAI and Gemini's
 * circuit opens; the same request again is answered from the Redis response cache without any
 * provider call; spend lands in the post's metadata and the caller's usage ledger; a budget below
 * the estimate is refused before any call.
 */
@SpringBootTest(
        classes = QuillstreamApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "quillstream.bootstrap-api-key=" + ProviderChainIT.KEY,
            "quillstream.llm.retry.initial-backoff=10ms",
            "quillstream.llm.retry.max-backoff=20ms"
        })
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@DirtiesContext // its fake servers stop after the class: so must the context that points at them
class ProviderChainIT {

    static final String KEY = "qs_test_bootstrap_key_for_provider_chain_it";
    static final String REQUEST = """
            {"topic":"Kubernetes autoscaling","keywords":["hpa","keda"],"tone":"practical"}""";
    static final FakeProviderServer GEMINI = server(FakeProviderServer.Wire.GEMINI, "gm-key");
    static final FakeProviderServer OPENAI = server(FakeProviderServer.Wire.OPENAI, "sk-key");

    @DynamicPropertySource
    static void configure(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry, "provider_chain");
        GEMINI.failEveryCall(true);
        registry.add("quillstream.llm.gemini.api-key", () -> "gm-key");
        registry.add("quillstream.llm.gemini.base-url", GEMINI::baseUrl);
        registry.add("quillstream.llm.openai.api-key", () -> "sk-key");
        registry.add("quillstream.llm.openai.base-url", OPENAI::baseUrl);
        registry.add("quillstream.redis-url", () -> "redis://127.0.0.1:6379");
        registry.add("quillstream.redis-prefix", () -> "test:" + UUID.randomUUID() + ":");
    }

    @AfterAll
    static void stop() {
        GEMINI.close();
        OPENAI.close();
    }

    @LocalServerPort
    int port;

    private ApiClient api() {
        return new ApiClient("http://127.0.0.1:" + port, KEY);
    }

    @Test
    @Order(1)
    void withTheFirstProviderFailingEveryCallTheNextWritesThePostAndTheFirstCircuitOpens() {
        ApiClient.Response response = api().post("/api/v1/generate-blog", REQUEST);

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode metadata = response.json().path("metadata");
        assertThat(metadata.path("provider").asString()).isEqualTo("openai");
        assertThat(metadata.path("offline").asBoolean()).isFalse();
        assertThat(GEMINI.requests()).isNotEmpty();
        assertThat(OPENAI.requests()).hasSize(13);
        JsonNode usage = metadata.path("usage");
        assertThat(usage.path("calls").asInt()).isEqualTo(13);
        assertThat(usage.path("cost_usd").asDouble()).isPositive();
        assertThat(usage.path("providers").get(0).path("provider").asString()).isEqualTo("openai");
        assertThat(prometheus())
                .contains("resilience4j_circuitbreaker_state{name=\"gemini\",state=\"open\"} 1.0")
                .contains("resilience4j_circuitbreaker_state{name=\"openai\",state=\"closed\"} 1.0")
                .containsPattern("quillstream_llm_calls_total\\{model=\"gemini-2.5-\\w+\",outcome=\"Overloaded\","
                        + "provider=\"gemini\"} [1-9]")
                .containsPattern("quillstream_llm_cost_usd_total\\{model=\"gpt-4o(-mini)?\",provider=\"openai\"}");
        JsonNode ledger = api().get("/api/v1/usage").json();
        // Both are rounded to the micro-dollar, the ledger per call and the post once: they may
        // differ by one unit in the last place.
        assertThat(ledger.path("cost_usd").asDouble())
                .isCloseTo(usage.path("cost_usd").asDouble(), within(0.0000011));
        int ledgerCalls = 0;
        for (JsonNode line : ledger.path("providers")) {
            assertThat(line.path("provider").asString()).isEqualTo("openai");
            ledgerCalls += line.path("calls").asInt();
        }
        assertThat(ledgerCalls).isEqualTo(13);
    }

    @Test
    @Order(2)
    void theSameRequestAgainMakesNoProviderCall() {
        int geminiCalls = GEMINI.requests().size();
        int openAiCalls = OPENAI.requests().size();

        ApiClient.Response again = api().post("/api/v1/generate-blog", REQUEST);

        assertThat(again.status()).as(again.body()).isEqualTo(200);
        assertThat(GEMINI.requests()).hasSize(geminiCalls);
        assertThat(OPENAI.requests()).hasSize(openAiCalls);
        JsonNode usage = again.json().path("metadata").path("usage");
        assertThat(usage.path("cached_calls").asInt()).isEqualTo(13);
        assertThat(usage.path("cost_usd").asDouble()).isZero();
    }

    @Test
    @Order(3)
    void optingOutOfTheCacheAsksTheProviderAgain() {
        int openAiCalls = OPENAI.requests().size();
        ApiClient.Response fresh = api().post("/api/v1/generate-blog", REQUEST.replace("}", ",\"cache\":false}"));
        assertThat(fresh.status()).as(fresh.body()).isEqualTo(200);
        assertThat(OPENAI.requests()).hasSize(openAiCalls + 13);
    }

    @Test
    @Order(4)
    void aBudgetBelowTheEstimateIsRefusedNamingTheFieldBeforeAnyCall() {
        int openAiCalls = OPENAI.requests().size();
        long stored = api().get("/api/v1/contents").json().path("total").asLong();

        ApiClient.Response refused = api().post("/api/v1/generate-blog", """
                {"topic":"A different topic","max_cost_usd":0.0001}""");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().path("errors").get(0).path("field").asString())
                .isEqualTo("max_cost_usd");
        assertThat(refused.json().path("estimated_cost_usd").asDouble()).isGreaterThan(0.0001);
        assertThat(OPENAI.requests()).hasSize(openAiCalls);
        assertThat(api().get("/api/v1/contents").json().path("total").asLong()).isEqualTo(stored);
    }

    @Test
    @Order(5)
    void anInvalidBudgetIsABadRequest() {
        ApiClient.Response invalid = api().post("/api/v1/generate-blog", "{\"topic\":\"x\",\"max_cost_usd\":-1}");
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.json().path("errors").get(0).path("field").asString())
                .isEqualTo("max_cost_usd");
    }

    private String prometheus() {
        return new ApiClient("http://127.0.0.1:" + port, null)
                .get("/actuator/prometheus")
                .body();
    }

    private static FakeProviderServer server(FakeProviderServer.Wire wire, String key) {
        try {
            return new FakeProviderServer(wire, key);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
