package dev.quillstream.llm.anthropic;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dev.quillstream.llm.JsonSchemas.object;
import static dev.quillstream.llm.JsonSchemas.string;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import dev.quillstream.llm.ModelException;
import dev.quillstream.llm.ModelReply;
import dev.quillstream.llm.ResponseSchema;
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

/** The Anthropic adapter against the recorded Messages API traffic (wire/anthropic). */
class AnthropicTextModelTest extends TextModelContract {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String PATH = "/v1/messages";

    @Override
    protected TextModel model(Duration timeout) {
        return new AnthropicTextModel(new AnthropicTextModel.AnthropicSettings(
                "sk-ant-test", wire.baseUrl(), "claude-haiku-4-5", "claude-sonnet-4-5", timeout));
    }

    @Override
    protected void givenPlainReply() {
        wire.stubFor(post(PATH)
                .withHeader("x-api-key", equalTo("sk-ant-test"))
                .withHeader("anthropic-version", equalTo("2023-06-01"))
                .willReturn(json(200, WireFixtures.text("anthropic/messages.response.json"))));
    }

    @Override
    protected String plainText() {
        return "Hello there!";
    }

    @Override
    protected TokenUsage plainUsage() {
        return new TokenUsage(11, 6);
    }

    @Override
    protected void givenStreamedReply() {
        wire.stubFor(post(PATH).willReturn(sse(WireFixtures.text("anthropic/messages.stream.basic.sse.txt"))));
    }

    @Override
    protected List<String> streamedDeltas() {
        return List.of("Hello", " there", "!");
    }

    @Override
    protected TokenUsage streamedUsage() {
        return new TokenUsage(11, 6);
    }

    @Override
    protected void givenStructuredReply() {
        ObjectNode response = (ObjectNode) JSON.readTree(WireFixtures.text("anthropic/messages.response.json"));
        var content = response.putArray("content");
        ObjectNode tool = content.addObject()
                .put("type", "tool_use")
                .put("id", "toolu_01NRLabsLyVHZPKxbKvkfSMn")
                .put("name", AnthropicTextModel.STRUCTURED_TOOL);
        tool.putObject("input").put("greeting", "Hello").put("language", "en");
        response.put("stop_reason", "tool_use");
        wire.stubFor(post(PATH).willReturn(json(200, JSON.writeValueAsString(response))));
    }

    @Override
    protected void thenRequestUsedNativeStructuredOutput() {
        JsonNode sent = lastRequest();
        assertThat(sent.path("tool_choice").path("type").asString()).isEqualTo("tool");
        assertThat(sent.path("tool_choice").path("name").asString()).isEqualTo(AnthropicTextModel.STRUCTURED_TOOL);
        JsonNode tool = sent.path("tools").get(0);
        assertThat(tool.path("name").asString()).isEqualTo(AnthropicTextModel.STRUCTURED_TOOL);
        assertThat(tool.path("description").asString()).contains("greeting");
        assertThat(tool.path("input_schema").path("required").toString()).isEqualTo("[\"greeting\",\"language\"]");
        assertThat(tool.path("input_schema")
                        .path("properties")
                        .path("language")
                        .path("type")
                        .asString())
                .isEqualTo("string");
    }

    @Override
    protected void givenUnauthenticated() {
        wire.stubFor(
                post(PATH).willReturn(json(401, WireFixtures.text("anthropic/error.401.authentication_error.json"))));
    }

    @Override
    protected void givenRateLimited() {
        WireFixtures.RawResponse recorded = WireFixtures.http("anthropic/error.429.rate_limit_error.http");
        var response = aResponse().withStatus(recorded.status()).withBody(recorded.body());
        recorded.headers().forEach(response::withHeader);
        wire.stubFor(post(PATH).willReturn(response));
    }

    @Override
    protected Duration retryAfter() {
        return Duration.ofSeconds(30);
    }

    @Override
    protected void givenServerError() {
        wire.stubFor(post(PATH).willReturn(json(500, WireFixtures.text("anthropic/error.500.api_error.json"))));
    }

    @Override
    protected void givenOverloaded() {
        wire.stubFor(post(PATH).willReturn(json(529, WireFixtures.text("anthropic/error.529.overloaded_error.json"))));
    }

    @Override
    protected void givenErrorEventMidStream() {
        wire.stubFor(post(PATH)
                .willReturn(sse(WireFixtures.text("anthropic/messages.stream.midstream-overloaded.sse.txt"))));
    }

    @Override
    protected void givenCutStream() {
        String recorded = WireFixtures.text("anthropic/messages.stream.basic.sse.txt");
        wire.stubFor(post(PATH).willReturn(sse(recorded.substring(0, recorded.indexOf("event: content_block_stop")))));
    }

    @Override
    protected void givenSlowReply(Duration delay) {
        wire.stubFor(post(PATH)
                .willReturn(json(200, WireFixtures.text("anthropic/messages.response.json"))
                        .withFixedDelay((int) delay.toMillis())));
    }

    @Test
    void overloadedMidStreamIsOverloadedNotACutConnection() {
        givenErrorEventMidStream();
        List<String> deltas = new CopyOnWriteArrayList<>();
        assertThatThrownBy(() -> model(Duration.ofSeconds(5)).stream(hello(), deltas::add))
                .isInstanceOf(ModelException.Overloaded.class);
        assertThat(deltas).containsExactly("Hello");
    }

    @Test
    void aStreamedToolUseIsTheStructuredReply() {
        wire.stubFor(post(PATH)
                .willReturn(sse(WireFixtures.text("anthropic/messages.stream.tool_use.sse.txt")
                        .replace(
                                "\"name\":\"get_weather\"",
                                "\"name\":\"" + AnthropicTextModel.STRUCTURED_TOOL + "\""))));
        ResponseSchema weather = new ResponseSchema("weather_query", object("location", string("a city")));
        List<String> deltas = new CopyOnWriteArrayList<>();
        ModelReply reply = model(Duration.ofSeconds(5)).stream(hello().withSchema(weather), deltas::add);
        assertThat(JSON.readTree(reply.text()).path("location").asString()).isEqualTo("Paris");
        assertThat(reply.usage()).isEqualTo(new TokenUsage(377, 65));
        assertThat(lastRequest().path("stream").asBoolean()).isTrue();
    }

    @Test
    void sendsSystemPromptTierModelAndATemperatureWithinAnthropicsRange() {
        givenPlainReply();
        model(Duration.ofSeconds(5)).complete(hello().withTemperature(1.4));
        JsonNode sent = lastRequest();
        assertThat(sent.path("model").asString()).isEqualTo("claude-sonnet-4-5");
        assertThat(sent.path("temperature").asDouble()).isEqualTo(1.0);
        assertThat(sent.path("max_tokens").asInt()).isEqualTo(4096);
        assertThat(sent.path("system").toString()).contains("You are a helpful assistant.");
        assertThat(sent.path("messages").get(0).path("role").asString()).isEqualTo("user");
    }

    @Test
    void baseUrlWorksWithOrWithoutTheVersion() {
        assertThat(new AnthropicTextModel.AnthropicSettings("k", "https://api.anthropic.com", "a", "b", Duration.ZERO)
                        .apiUrl())
                .isEqualTo("https://api.anthropic.com/v1/");
        assertThat(new AnthropicTextModel.AnthropicSettings("k", "http://proxy/v1/", "a", "b", Duration.ZERO).apiUrl())
                .isEqualTo("http://proxy/v1/");
    }

    private JsonNode lastRequest() {
        return JSON.readTree(
                wire.findAll(postRequestedFor(urlEqualTo(PATH))).getLast().getBodyAsString());
    }

    private static ResponseDefinitionBuilder sse(String body) {
        return aResponse()
                .withStatus(200)
                .withHeader("Content-Type", "text/event-stream")
                .withBody(body);
    }

    private static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse()
                .withStatus(status)
                .withHeader("Content-Type", "application/json")
                .withBody(body);
    }
}
