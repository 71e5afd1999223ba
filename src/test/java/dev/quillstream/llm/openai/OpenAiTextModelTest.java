package dev.quillstream.llm.openai;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.http.Fault;
import dev.quillstream.llm.TextModel;
import dev.quillstream.llm.TextModelContract;
import dev.quillstream.llm.TokenUsage;
import dev.quillstream.testing.WireFixtures;
import java.time.Duration;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The OpenAI adapter against OpenAI's recorded Chat Completions traffic. */
class OpenAiTextModelTest extends TextModelContract {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String PATH = "/v1/chat/completions";

    @Override
    protected TextModel model(Duration timeout) {
        return new OpenAiTextModel(new OpenAiTextModel.OpenAiSettings(
                "sk-test", wire.baseUrl() + "/v1", "gpt-4o-mini", "gpt-4o", timeout));
    }

    @Override
    protected void givenPlainReply() {
        wire.stubFor(post(PATH)
                .withHeader("Authorization", equalTo("Bearer sk-test"))
                .willReturn(json(200, WireFixtures.text("openai/chat/default.response.json"))));
    }

    @Override
    protected String plainText() {
        return "Hello! How can I assist you today?";
    }

    @Override
    protected TokenUsage plainUsage() {
        return new TokenUsage(19, 10);
    }

    @Override
    protected void givenStreamedReply() {
        wire.stubFor(post(PATH)
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "text/event-stream")
                        .withBody(WireFixtures.text("openai/chat/streaming.recorded.sse.txt"))));
    }

    @Override
    protected List<String> streamedDeltas() {
        return List.of("I'm", " unable", " app", ".");
    }

    @Override
    protected TokenUsage streamedUsage() {
        return new TokenUsage(14, 30);
    }

    @Override
    protected void givenStructuredReply() {
        ObjectNode response = (ObjectNode) JSON.readTree(WireFixtures.text("openai/chat/default.response.json"));
        ((ObjectNode) response.get("choices").get(0).get("message"))
                .put("content", "{\"greeting\":\"Hello\",\"language\":\"en\"}");
        wire.stubFor(post(PATH).willReturn(json(200, JSON.writeValueAsString(response))));
    }

    @Override
    protected void thenRequestUsedNativeStructuredOutput() {
        JsonNode sent = JSON.readTree(
                wire.findAll(postRequestedFor(urlEqualTo(PATH))).getLast().getBodyAsString());
        JsonNode format = sent.path("response_format");
        assertThat(format.path("type").asString()).isEqualTo("json_schema");
        assertThat(format.path("json_schema").path("name").asString()).isEqualTo("greeting");
        assertThat(format.path("json_schema").path("strict").asBoolean()).isTrue();
        assertThat(format.path("json_schema").path("schema").path("required").toString())
                .isEqualTo("[\"greeting\",\"language\"]");
    }

    @Override
    protected void givenUnauthenticated() {
        wire.stubFor(post(PATH).willReturn(json(401, WireFixtures.text("openai/errors/401.invalid_api_key.json"))));
    }

    @Override
    protected void givenRateLimited() {
        WireFixtures.RawResponse recorded = WireFixtures.http("openai/errors/429.rate_limit.http");
        var response = aResponse().withStatus(recorded.status()).withBody(recorded.body());
        recorded.headers().forEach(response::withHeader);
        wire.stubFor(post(PATH).willReturn(response));
    }

    @Override
    protected Duration retryAfter() {
        return Duration.ofSeconds(20);
    }

    @Override
    protected void givenServerError() {
        wire.stubFor(post(PATH).willReturn(json(500, WireFixtures.text("openai/errors/500.server_error.json"))));
    }

    @Override
    protected void givenOverloaded() {
        // No 503 body is recorded; this is the documented shape with OpenAI's "engine overloaded" message.
        wire.stubFor(
                post(PATH)
                        .willReturn(
                                json(
                                        503,
                                        WireFixtures.text("openai/errors/500.server_error.json")
                                                .replaceFirst(
                                                        "\"message\": *\"[^\"]*\"",
                                                        "\"message\": \"The engine is currently overloaded, please try again later\""))));
    }

    @Override
    protected void givenErrorEventMidStream() {
        String recorded = WireFixtures.text("openai/chat/streaming.recorded.sse.txt");
        String firstDeltas = recorded.substring(0, recorded.indexOf("\" app\""));
        firstDeltas = firstDeltas.substring(0, firstDeltas.lastIndexOf("data:"));
        String error = JSON.readTree(WireFixtures.text("openai/errors/500.server_error.json"))
                .toString();
        wire.stubFor(post(PATH)
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "text/event-stream")
                        .withBody(firstDeltas + "data: " + error + "\n\n")));
    }

    @org.junit.jupiter.api.Test
    void streamThatStallsAfterItsFirstBytesTimesOut() throws Exception {
        // WireMock delays the headers of a dribbled body too; a plain server sends the first
        // events at once, then nothing, which is what a stalled provider does.
        String recorded = WireFixtures.text("openai/chat/streaming.recorded.sse.txt");
        String firstDeltas = recorded.substring(0, recorded.indexOf("\" app\""));
        firstDeltas = firstDeltas.substring(0, firstDeltas.lastIndexOf("data:"));
        byte[] head = firstDeltas.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        var stalled = new java.util.concurrent.CountDownLatch(1);
        var server = com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/v1/chat/completions", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
            exchange.sendResponseHeaders(200, 0);
            exchange.getResponseBody().write(head);
            exchange.getResponseBody().flush();
            try {
                stalled.await(10, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
        });
        server.start();
        try {
            var model = new OpenAiTextModel(new OpenAiTextModel.OpenAiSettings(
                    "sk-test",
                    "http://127.0.0.1:" + server.getAddress().getPort() + "/v1",
                    "gpt-4o-mini",
                    "gpt-4o",
                    Duration.ofMillis(700)));
            List<String> deltas = new java.util.concurrent.CopyOnWriteArrayList<>();
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> model.stream(hello(), deltas::add))
                    .isInstanceOf(dev.quillstream.llm.ModelException.ProviderUnavailable.class)
                    .hasMessageContaining("timed out");
            assertThat(deltas)
                    .as("the headers and the first events arrived before the stall")
                    .isNotEmpty();
            assertThat(Thread.currentThread().isInterrupted()).isFalse();
        } finally {
            stalled.countDown();
            server.stop(0);
        }
    }

    @Override
    protected void givenCutStream() {
        String recorded = WireFixtures.text("openai/chat/streaming.recorded.sse.txt");
        String firstDeltas = recorded.substring(0, recorded.indexOf("\" app\""));
        firstDeltas = firstDeltas.substring(0, firstDeltas.lastIndexOf("data:"));
        wire.stubFor(post(PATH)
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "text/event-stream")
                        .withBody(firstDeltas)));
    }

    @Override
    protected void givenSlowReply(Duration delay) {
        wire.stubFor(post(PATH)
                .willReturn(json(200, WireFixtures.text("openai/chat/default.response.json"))
                        .withFixedDelay((int) delay.toMillis())));
    }

    @org.junit.jupiter.api.Test
    void resetConnectionIsUnavailable() {
        wire.stubFor(post(PATH).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> model(Duration.ofSeconds(5)).complete(hello()))
                .isInstanceOf(dev.quillstream.llm.ModelException.ProviderUnavailable.class);
    }

    @org.junit.jupiter.api.Test
    void sendsTheTiersModelAndTheKey() {
        givenPlainReply();
        model(Duration.ofSeconds(5)).complete(hello().withTemperature(0.2));
        JsonNode sent = JSON.readTree(
                wire.findAll(postRequestedFor(urlEqualTo(PATH))).getLast().getBodyAsString());
        assertThat(sent.path("model").asString()).isEqualTo("gpt-4o");
        assertThat(sent.path("temperature").asDouble()).isEqualTo(0.2);
        assertThat(sent.path("messages").get(1).path("content").asString()).isEqualTo("Hello!");
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(int status, String body) {
        return aResponse()
                .withStatus(status)
                .withHeader("Content-Type", "application/json")
                .withBody(body);
    }
}
