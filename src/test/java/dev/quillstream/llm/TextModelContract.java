package dev.quillstream.llm;

import static dev.quillstream.llm.JsonSchemas.object;
import static dev.quillstream.llm.JsonSchemas.string;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link TextModel} adapter must do, run against the provider's recorded wire format
 * served by WireMock on loopback. A provider's test extends this and says how its API answers.
 */
public abstract class TextModelContract {

    protected WireMockServer wire;

    protected static final ResponseSchema GREETING = new ResponseSchema(
            "greeting", object("greeting", string("a greeting"), "language", string("its language")));

    @BeforeEach
    void startWire() {
        wire = new WireMockServer(
                WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
        wire.start();
    }

    @AfterEach
    void stopWire() {
        wire.stop();
    }

    /** The adapter under test, pointed at {@link #wire} with this request timeout. */
    protected abstract TextModel model(Duration timeout);

    protected abstract void givenPlainReply();

    protected abstract String plainText();

    protected abstract TokenUsage plainUsage();

    protected abstract void givenStreamedReply();

    protected abstract List<String> streamedDeltas();

    protected abstract TokenUsage streamedUsage();

    /** A structured reply whose JSON is {@code {"greeting":"Hello","language":"en"}}. */
    protected abstract void givenStructuredReply();

    /** Asserts the last request asked for {@link #GREETING} through the provider's native mechanism. */
    protected abstract void thenRequestUsedNativeStructuredOutput();

    protected abstract void givenUnauthenticated();

    /** A 429 whose {@code Retry-After} says {@link #retryAfter()}. */
    protected abstract void givenRateLimited();

    protected abstract Duration retryAfter();

    protected abstract void givenServerError();

    /** The provider's "up but shedding load" answer: Anthropic 529, Gemini 503 UNAVAILABLE, 503 elsewhere. */
    protected abstract void givenOverloaded();

    /** A stream (status 200) that sends some deltas, then reports an error in the provider's own format. */
    protected abstract void givenErrorEventMidStream();

    /** A stream that sends some deltas, then the connection ends without the final event. */
    protected abstract void givenCutStream();

    protected abstract void givenSlowReply(Duration delay);

    protected ModelRequest hello() {
        return ModelRequest.of(
                ModelTier.SMART,
                List.of(ChatMessage.system("You are a helpful assistant."), ChatMessage.user("Hello!")));
    }

    @Test
    void completesPlainRequestWithTextAndUsage() {
        givenPlainReply();
        ModelReply reply = model(Duration.ofSeconds(10)).complete(hello());
        assertThat(reply.text()).isEqualTo(plainText());
        assertThat(reply.usage()).isEqualTo(plainUsage());
        assertThat(reply.offline()).isFalse();
    }

    @Test
    void streamsDeltasInOrderAndReturnsTheWholeReply() {
        givenStreamedReply();
        List<String> deltas = new CopyOnWriteArrayList<>();
        ModelReply reply = model(Duration.ofSeconds(10)).stream(hello(), deltas::add);
        assertThat(deltas).containsExactlyElementsOf(streamedDeltas());
        assertThat(reply.text()).isEqualTo(String.join("", streamedDeltas()));
        assertThat(reply.usage()).isEqualTo(streamedUsage());
    }

    @Test
    void structuredOutputUsesTheNativeMechanismAndBindsTheReply() {
        givenStructuredReply();
        record Greeting(String greeting, String language) {}
        Structured<Greeting> structured =
                model(Duration.ofSeconds(10)).structured(hello().withSchema(GREETING), Greeting.class);
        assertThat(structured.value()).isEqualTo(new Greeting("Hello", "en"));
        thenRequestUsedNativeStructuredOutput();
    }

    @Test
    void unauthenticatedIsNotRetryable() {
        givenUnauthenticated();
        assertThatThrownBy(() -> model(Duration.ofSeconds(10)).complete(hello()))
                .isInstanceOf(ModelException.Unauthenticated.class)
                .satisfies(e -> assertThat(((ModelException) e).retryable()).isFalse());
    }

    @Test
    void rateLimitCarriesRetryAfter() {
        givenRateLimited();
        assertThatThrownBy(() -> model(Duration.ofSeconds(10)).complete(hello()))
                .isInstanceOfSatisfying(ModelException.RateLimited.class, e -> {
                    assertThat(e.retryable()).isTrue();
                    assertThat(e.retryAfter()).contains(retryAfter());
                });
    }

    @Test
    void serverErrorIsRetryable() {
        givenServerError();
        assertThatThrownBy(() -> model(Duration.ofSeconds(10)).complete(hello()))
                .isInstanceOfSatisfying(
                        ModelException.ProviderUnavailable.class,
                        e -> assertThat(e.retryable()).isTrue());
    }

    @Test
    void overloadedIsRetryable() {
        givenOverloaded();
        assertThatThrownBy(() -> model(Duration.ofSeconds(10)).complete(hello()))
                .isInstanceOfSatisfying(
                        ModelException.Overloaded.class,
                        e -> assertThat(e.retryable()).isTrue());
    }

    @Test
    void errorEventMidStreamFailsRetryablyAfterTheDeltasItDelivered() {
        givenErrorEventMidStream();
        List<String> deltas = new CopyOnWriteArrayList<>();
        assertThatThrownBy(() -> model(Duration.ofSeconds(10)).stream(hello(), deltas::add))
                .isInstanceOfSatisfying(ModelException.class, e -> {
                    assertThat(e.retryable()).isTrue();
                    assertThat(e.getMessage()).contains("stream error");
                });
        assertThat(deltas).isNotEmpty();
    }

    @Test
    void cutStreamFailsAfterTheDeltasItDelivered() {
        givenCutStream();
        List<String> deltas = new CopyOnWriteArrayList<>();
        assertThatThrownBy(() -> model(Duration.ofSeconds(10)).stream(hello(), deltas::add))
                .isInstanceOfSatisfying(
                        ModelException.ProviderUnavailable.class,
                        e -> assertThat(e.retryable()).isTrue());
        assertThat(deltas).isNotEmpty();
    }

    @Test
    void slowReplyTimesOutAsUnavailable() {
        givenSlowReply(Duration.ofSeconds(3));
        assertThatThrownBy(() -> model(Duration.ofMillis(500)).complete(hello()))
                .isInstanceOf(ModelException.ProviderUnavailable.class)
                .hasMessageContaining("timed out");
    }
}
