package dev.quillstream.llm.ollama;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
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
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The Ollama adapter against Ollama's documented /api/chat traffic (wire/ollama). */
class OllamaTextModelTest extends TextModelContract {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String PATH = "/api/chat";
    /** errors.mdx documents {"error": "..."} bodies, and this line as the mid-stream failure. */
    private static final String ERROR_LINE = "{\"error\":\"an error was encountered while running the model\"}";

    @Override
    protected TextModel model(Duration timeout) {
        return new OllamaTextModel(
                new OllamaTextModel.OllamaSettings(wire.baseUrl(), "", "llama3.2:1b", "llama3.2", timeout));
    }

    @Override
    protected void givenPlainReply() {
        wire.stubFor(post(PATH).willReturn(json(200, WireFixtures.text("ollama/chat.nostream.response.json"))));
    }

    @Override
    protected String plainText() {
        return "Hello! How are you today?";
    }

    @Override
    protected TokenUsage plainUsage() {
        return new TokenUsage(26, 298);
    }

    @Override
    protected void givenStreamedReply() {
        wire.stubFor(post(PATH).willReturn(ndjson(WireFixtures.text("ollama/chat.stream.response.ndjson"))));
    }

    @Override
    protected List<String> streamedDeltas() {
        return List.of("The");
    }

    @Override
    protected TokenUsage streamedUsage() {
        return new TokenUsage(26, 282);
    }

    @Override
    protected void givenStructuredReply() {
        ObjectNode response = (ObjectNode) JSON.readTree(WireFixtures.text("ollama/chat.nostream.response.json"));
        ((ObjectNode) response.path("message")).put("content", "{\"greeting\": \"Hello\", \"language\": \"en\"}");
        wire.stubFor(post(PATH).willReturn(json(200, JSON.writeValueAsString(response))));
    }

    @Override
    protected void thenRequestUsedNativeStructuredOutput() {
        JsonNode format = lastRequest().path("format");
        assertThat(format.isObject()).isTrue();
        assertThat(format.path("required").toString()).isEqualTo("[\"greeting\",\"language\"]");
        assertThat(format.path("properties").path("greeting").path("type").asString())
                .isEqualTo("string");
    }

    @Override
    protected void givenUnauthenticated() {
        // A key-protected Ollama (ollama.com, or a proxy) answers 401 in the documented error shape.
        wire.stubFor(post(PATH).willReturn(json(401, "{\"error\":\"unauthorized\"}")));
    }

    @Override
    protected void givenRateLimited() {
        wire.stubFor(post(PATH)
                .willReturn(json(429, "{\"error\":\"too many requests\"}").withHeader("Retry-After", "5")));
    }

    @Override
    protected Duration retryAfter() {
        return Duration.ofSeconds(5);
    }

    @Override
    protected void givenServerError() {
        wire.stubFor(post(PATH).willReturn(json(500, "{\"error\":\"the model failed to generate a response\"}")));
    }

    @Override
    protected void givenOverloaded() {
        wire.stubFor(post(PATH)
                .willReturn(json(
                        503, "{\"error\":\"server busy, please try again.  maximum pending requests exceeded\"}")));
    }

    @Override
    protected void givenErrorEventMidStream() {
        String first = WireFixtures.text("ollama/chat.stream.response.ndjson")
                .lines()
                .findFirst()
                .orElseThrow();
        wire.stubFor(post(PATH).willReturn(ndjson(first + "\n" + ERROR_LINE + "\n")));
    }

    @Override
    protected void givenCutStream() {
        String first = WireFixtures.text("ollama/chat.stream.response.ndjson")
                .lines()
                .findFirst()
                .orElseThrow();
        wire.stubFor(post(PATH).willReturn(ndjson(first + "\n")));
    }

    @Override
    protected void givenSlowReply(Duration delay) {
        wire.stubFor(post(PATH)
                .willReturn(json(200, WireFixtures.text("ollama/chat.nostream.response.json"))
                        .withFixedDelay((int) delay.toMillis())));
    }

    @Test
    void anUnknownModelIsAnInvalidRequest() {
        wire.stubFor(post(PATH).willReturn(json(404, WireFixtures.text("ollama/error.404.model-not-found.json"))));
        assertThatThrownBy(() -> model(Duration.ofSeconds(5)).complete(hello()))
                .isInstanceOf(ModelException.InvalidModelRequest.class)
                .hasMessageContaining("not found");
    }

    @Test
    void sendsTheTiersModelOptionsAndTheKeyWhenThereIsOne() {
        givenPlainReply();
        new OllamaTextModel(new OllamaTextModel.OllamaSettings(
                        wire.baseUrl(), "ol-key", "llama3.2:1b", "llama3.2", Duration.ofSeconds(5)))
                .complete(hello().withTemperature(0.2).withMaxOutputTokens(300));
        var sent = wire.findAll(postRequestedFor(urlEqualTo(PATH))).getLast();
        assertThat(sent.getHeader("Authorization")).isEqualTo("Bearer ol-key");
        JsonNode body = JSON.readTree(sent.getBodyAsString());
        assertThat(body.path("model").asString()).isEqualTo("llama3.2");
        assertThat(body.path("stream").asBoolean()).isFalse();
        assertThat(body.path("options").path("temperature").asDouble()).isEqualTo(0.2);
        assertThat(body.path("options").path("num_predict").asInt()).isEqualTo(300);
    }

    @Test
    void hostIsReadAsOllamaReadsIt() {
        assertThat(settings("127.0.0.1").apiUrl()).isEqualTo("http://127.0.0.1:11434/");
        assertThat(settings("http://gpu-box:8080").apiUrl()).isEqualTo("http://gpu-box:8080/");
        assertThat(settings("https://ollama.example/proxy/").apiUrl()).isEqualTo("https://ollama.example:443/proxy/");
    }

    private static OllamaTextModel.OllamaSettings settings(String host) {
        return new OllamaTextModel.OllamaSettings(host, "", "a", "b", Duration.ZERO);
    }

    private JsonNode lastRequest() {
        return JSON.readTree(
                wire.findAll(postRequestedFor(urlEqualTo(PATH))).getLast().getBodyAsString());
    }

    private static ResponseDefinitionBuilder ndjson(String body) {
        return aResponse()
                .withStatus(200)
                .withHeader("Content-Type", "application/x-ndjson")
                .withBody(body);
    }

    private static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse()
                .withStatus(status)
                .withHeader("Content-Type", "application/json")
                .withBody(body);
    }
}
