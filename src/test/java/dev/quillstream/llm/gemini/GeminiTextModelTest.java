package dev.quillstream.llm.gemini;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import dev.quillstream.llm.ModelException;
import dev.quillstream.llm.TextModel;
import dev.quillstream.llm.TextModelContract;
import dev.quillstream.llm.TokenUsage;
import dev.quillstream.testing.WireFixtures;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The Gemini adapter against recorded Gemini Developer API bodies (wire/gemini). */
class GeminiTextModelTest extends TextModelContract {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String UNARY = "/v1beta/models/gemini-2.5-pro:generateContent";
    private static final String STREAM = "/v1beta/models/gemini-2.5-pro:streamGenerateContent";

    @Override
    protected TextModel model(Duration timeout) {
        return new GeminiTextModel(new GeminiTextModel.GeminiSettings(
                "gm-test", wire.baseUrl(), "gemini-2.5-flash", "gemini-2.5-pro", timeout));
    }

    @Override
    protected void givenPlainReply() {
        wire.stubFor(post(UNARY)
                .withHeader("x-goog-api-key", equalTo("gm-test"))
                .willReturn(json(200, WireFixtures.text("gemini/unary-success-basic-reply-short.json"))));
    }

    @Override
    protected String plainText() {
        return "Google's headquarters, also known as the Googleplex, is located in **Mountain View, California**.\n";
    }

    @Override
    protected TokenUsage plainUsage() {
        return new TokenUsage(7, 22);
    }

    @Override
    protected void givenStreamedReply() {
        stream(WireFixtures.text("gemini/streaming-success-basic-reply-short.txt"));
    }

    @Override
    protected List<String> streamedDeltas() {
        return List.of("The", " capital of Wyoming", " is **Cheyenne**.\n");
    }

    @Override
    protected TokenUsage streamedUsage() {
        return new TokenUsage(7, 10);
    }

    @Override
    protected void givenStructuredReply() {
        ObjectNode response =
                (ObjectNode) JSON.readTree(WireFixtures.text("gemini/unary-success-basic-reply-short.json"));
        ((ObjectNode) response.path("candidates")
                        .get(0)
                        .path("content")
                        .path("parts")
                        .get(0))
                .put("text", "{\"greeting\": \"Hello\", \"language\": \"en\"}");
        wire.stubFor(post(UNARY).willReturn(json(200, JSON.writeValueAsString(response))));
    }

    @Override
    protected void thenRequestUsedNativeStructuredOutput() {
        JsonNode config = lastRequest().path("generationConfig");
        assertThat(config.path("responseMimeType").asString()).isEqualTo("application/json");
        assertThat(config.path("responseJsonSchema").path("required").toString())
                .isEqualTo("[\"greeting\",\"language\"]");
        assertThat(config.has("responseSchema")).isFalse();
    }

    @Override
    protected void givenUnauthenticated() {
        // Gemini answers an invalid key with 400 INVALID_ARGUMENT, reason API_KEY_INVALID.
        wire.stubFor(post(UNARY).willReturn(json(400, WireFixtures.text("gemini/unary-failure-api-key.json"))));
    }

    @Override
    protected void givenRateLimited() {
        wire.stubFor(post(UNARY)
                .willReturn(json(429, WireFixtures.text("gemini/error.429.resource_exhausted.with-retryinfo.json"))));
    }

    @Override
    protected Duration retryAfter() {
        return Duration.ofSeconds(33);
    }

    @Override
    protected void givenServerError() {
        wire.stubFor(post(UNARY).willReturn(json(500, WireFixtures.text("gemini/error.500.internal.json"))));
    }

    @Override
    protected void givenOverloaded() {
        wire.stubFor(post(UNARY).willReturn(json(503, WireFixtures.text("gemini/error.503.unavailable.json"))));
    }

    @Override
    protected void givenErrorEventMidStream() {
        // No mid-stream Gemini error is recorded: Google APIs put the error object of a failed call
        // (here the recorded 503 body) in the next data event once the 200 has been sent.
        String recorded = WireFixtures.text("gemini/streaming-success-basic-reply-short.txt");
        String first = recorded.substring(0, recorded.indexOf("data:", 1));
        String error = JSON.readTree(WireFixtures.text("gemini/error.503.unavailable.json"))
                .toString();
        stream(first + "data: " + error + "\n\n");
    }

    @Override
    protected void givenCutStream() {
        String recorded = WireFixtures.text("gemini/streaming-success-basic-reply-short.txt");
        stream(recorded.substring(0, recorded.lastIndexOf("data:")));
    }

    @Override
    protected void givenSlowReply(Duration delay) {
        wire.stubFor(post(UNARY)
                .willReturn(json(200, WireFixtures.text("gemini/unary-success-basic-reply-short.json"))
                        .withFixedDelay((int) delay.toMillis())));
    }

    @Test
    void overloadedMidStreamIsOverloaded() {
        givenErrorEventMidStream();
        assertThatThrownBy(() -> model(Duration.ofSeconds(5)).stream(hello(), delta -> {}))
                .isInstanceOf(ModelException.Overloaded.class);
    }

    @Test
    void aBlockedPromptIsRejectedContentNotAnOutage() {
        stream(WireFixtures.text("gemini/streaming-failure-prompt-blocked-safety.txt"));
        assertThatThrownBy(() -> model(Duration.ofSeconds(5)).stream(hello(), delta -> {}))
                .isInstanceOfSatisfying(ModelException.ContentRejected.class, e -> {
                    assertThat(e.retryable()).isFalse();
                    assertThat(e.getMessage()).contains("SAFETY");
                });
    }

    @Test
    void thoughtSummariesNeverReachTheListener() {
        stream(WireFixtures.text("gemini/streaming-success-thinking-function-call-thought-summary-signature.txt"));
        List<String> deltas = new CopyOnWriteArrayList<>();
        assertThatThrownBy(() -> model(Duration.ofSeconds(5)).stream(hello(), deltas::add))
                .isInstanceOf(ModelException.class);
        assertThat(deltas).isEmpty();
    }

    @Test
    void aDisabledApiIsUnauthenticatedAndAnUnknownModelIsInvalid() {
        wire.stubFor(post(UNARY)
                .willReturn(
                        json(403, WireFixtures.text("gemini/unary-failure-generativelanguage-api-not-enabled.json"))));
        assertThatThrownBy(() -> model(Duration.ofSeconds(5)).complete(hello()))
                .isInstanceOf(ModelException.Unauthenticated.class);
        wire.stubFor(post(UNARY).willReturn(json(404, WireFixtures.text("gemini/unary-failure-unknown-model.json"))));
        assertThatThrownBy(() -> model(Duration.ofSeconds(5)).complete(hello()))
                .isInstanceOf(ModelException.InvalidModelRequest.class);
    }

    @Test
    void aQuotaErrorWithoutRetryInfoIsRateLimitedWithoutAWait() {
        wire.stubFor(post(UNARY)
                .willReturn(json(429, WireFixtures.text("gemini/error.429.resource_exhausted.simple.json"))));
        assertThatThrownBy(() -> model(Duration.ofSeconds(5)).complete(hello()))
                .isInstanceOfSatisfying(
                        ModelException.RateLimited.class,
                        e -> assertThat(e.retryAfter()).isEmpty());
    }

    @Test
    void sendsSystemInstructionTierModelAndSseParameter() {
        givenStreamedReply();
        model(Duration.ofSeconds(5)).stream(hello().withTemperature(0.3).withHints(java.util.Map.of()), delta -> {})
                .text();
        var sent = wire.findAll(postRequestedFor(urlPathMatching("/v1beta/models/.*")))
                .getLast();
        assertThat(sent.getUrl()).isEqualTo(STREAM + "?alt=sse");
        JsonNode body = JSON.readTree(sent.getBodyAsString());
        assertThat(body.path("systemInstruction").toString()).contains("You are a helpful assistant.");
        assertThat(body.path("contents")
                        .get(0)
                        .path("parts")
                        .get(0)
                        .path("text")
                        .asString())
                .isEqualTo("Hello!");
        assertThat(body.path("generationConfig").path("temperature").asDouble()).isEqualTo(0.3);
    }

    @Test
    void baseUrlGetsTheApiVersionUnlessItHasOne() {
        assertThat(new GeminiTextModel.GeminiSettings(
                                "k", "https://generativelanguage.googleapis.com", "a", "b", Duration.ZERO)
                        .apiUrl())
                .isEqualTo("https://generativelanguage.googleapis.com/v1beta");
        assertThat(new GeminiTextModel.GeminiSettings("k", "http://proxy/v1/", "a", "b", Duration.ZERO).apiUrl())
                .isEqualTo("http://proxy/v1");
    }

    private void stream(String body) {
        wire.stubFor(post(STREAM + "?alt=sse")
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "text/event-stream")
                        .withBody(body)));
    }

    private JsonNode lastRequest() {
        return JSON.readTree(wire.findAll(postRequestedFor(urlPathMatching("/v1beta/models/.*")))
                .getLast()
                .getBodyAsString());
    }

    private static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse()
                .withStatus(status)
                .withHeader("Content-Type", "application/json")
                .withBody(body);
    }
}
