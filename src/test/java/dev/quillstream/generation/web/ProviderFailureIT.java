package dev.quillstream.generation.web;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.quillstream.QuillstreamApplication;
import dev.quillstream.testing.ApiClient;
import dev.quillstream.testing.TestDatabase;
import dev.quillstream.testing.WireFixtures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** A provider that fails makes a problem response, never a 500 and never a stored half post. */
@SpringBootTest(
        classes = QuillstreamApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "quillstream.bootstrap-api-key=" + ProviderFailureIT.KEY,
            // the recorded 429 asks for 20 s: longer than this, so it is not waited for
            "quillstream.llm.retry.max-retry-after=1s"
        })
class ProviderFailureIT {

    static final String KEY = "qs_test_bootstrap_key_for_provider_failure_it";
    static final WireMockServer OPENAI = new WireMockServer(
            WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());

    @DynamicPropertySource
    static void configure(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry, "provider_failure");
        OPENAI.start();
        registry.add("quillstream.llm.openai.api-key", () -> "sk-test");
        registry.add("quillstream.llm.openai.base-url", () -> OPENAI.baseUrl() + "/v1");
    }

    @AfterAll
    static void stop() {
        OPENAI.stop();
    }

    @LocalServerPort
    int port;

    @Test
    void rateLimitedProviderIsA503WithRetryAfterAndNothingIsStored() {
        WireFixtures.RawResponse recorded = WireFixtures.http("openai/errors/429.rate_limit.http");
        var response = aResponse().withStatus(429).withBody(recorded.body());
        recorded.headers().forEach(response::withHeader);
        OPENAI.stubFor(post("/v1/chat/completions").willReturn(response));
        ApiClient api = new ApiClient("http://127.0.0.1:" + port, KEY);

        ApiClient.Response answer = api.post("/api/v1/generate-blog", "{\"topic\":\"Kubernetes autoscaling\"}");

        assertThat(answer.status()).isEqualTo(503);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.json().path("provider").asString()).isEqualTo("openai");
        assertThat(answer.body()).doesNotContain("org-xxx");
        assertThat(api.get("/api/v1/contents").json().path("total").asLong()).isZero();
    }

    @Test
    void rejectedKeyIsA502() {
        OPENAI.stubFor(post("/v1/chat/completions")
                .willReturn(aResponse()
                        .withStatus(401)
                        .withBody(WireFixtures.text("openai/errors/401.invalid_api_key.json"))));
        ApiClient api = new ApiClient("http://127.0.0.1:" + port, KEY);
        ApiClient.Response answer = api.post("/api/v1/generate-blog", "{\"topic\":\"Kubernetes autoscaling\"}");
        assertThat(answer.status()).isEqualTo(502);
        assertThat(answer.body()).doesNotContain("sk-abc123");
    }
}
