package dev.quillstream.research;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.http.Fault;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every web {@link ResearchSource} adapter must do, against the API's recorded wire samples
 * served by WireMock on loopback: read results (and what else the API gives), type 401, 429 with
 * its {@code Retry-After}, 5xx, a reset connection, a body that is not JSON and a timeout.
 */
public abstract class ResearchSourceContract {

    protected WireMockServer wire;

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

    /** The adapter under test, pointed at {@link #wire}. */
    protected abstract ResearchSource source(Duration timeout);

    protected abstract SourceKind kind();

    /** The recorded successful answer. */
    protected abstract void givenResults();

    /** The hits the recorded answer holds, in order (title, URL). */
    protected abstract List<SourceHit> expectedHits();

    /** Asserts the last request was authenticated and shaped as the API documents. */
    protected abstract void thenRequestWasWellFormed(SearchQuery query);

    protected abstract void givenUnauthenticated();

    /** The recorded 429. */
    protected abstract void givenRateLimited();

    /** What the recorded 429 says about when to retry; null when it does not say. */
    protected abstract Duration retryAfter();

    /** A response with {@code status}, {@code body} and the API's JSON content type, for any request. */
    protected abstract void givenAnswer(int status, String body, Duration delay);

    protected abstract void givenFault(Fault fault);

    protected SearchQuery query() {
        return new SearchQuery("why my cat licks me", 5, null);
    }

    @Test
    void readsTheRecordedResults() {
        givenResults();
        SourceResults results = source(Duration.ofSeconds(5)).search(query());
        assertThat(results.hits())
                .extracting(SourceHit::title, SourceHit::url)
                .containsExactlyElementsOf(expectedHits().stream()
                        .map(h -> org.assertj.core.groups.Tuple.tuple(h.title(), h.url()))
                        .toList());
        assertThat(results.hits()).allSatisfy(hit -> assertThat(hit.snippet()).isNotBlank());
        thenRequestWasWellFormed(query());
    }

    @Test
    void unauthenticatedIsTypedAndCarriesTheApiMessage() {
        givenUnauthenticated();
        assertThatThrownBy(() -> source(Duration.ofSeconds(5)).search(query()))
                .isInstanceOfSatisfying(ResearchFailure.Unauthenticated.class, failure -> {
                    assertThat(failure.source()).isEqualTo(kind());
                    assertThat(failure.getMessage()).startsWith("HTTP 401: ").doesNotContain("secret-key");
                });
    }

    @Test
    void rateLimitedSaysWhenToComeBack() {
        givenRateLimited();
        assertThatThrownBy(() -> source(Duration.ofSeconds(5)).search(query()))
                .isInstanceOfSatisfying(ResearchFailure.RateLimited.class, failure -> {
                    assertThat(failure.getMessage()).startsWith("HTTP 429");
                    assertThat(failure.retryAfter().orElse(null)).isEqualTo(retryAfter());
                });
    }

    @Test
    void serverErrorsAndNonJsonAnswersAreUnavailable() {
        givenAnswer(500, "{\"error\":\"internal\"}", Duration.ZERO);
        assertThatThrownBy(() -> source(Duration.ofSeconds(5)).search(query()))
                .isInstanceOf(ResearchFailure.Unavailable.class)
                .hasMessageContaining("HTTP 500");
        givenAnswer(200, "<html>maintenance</html>", Duration.ZERO);
        assertThatThrownBy(() -> source(Duration.ofSeconds(5)).search(query()))
                .isInstanceOf(ResearchFailure.Unavailable.class)
                .hasMessageContaining("not JSON");
    }

    @Test
    void otherClientErrorsAreRejectedQueries() {
        givenAnswer(400, "{\"detail\":{\"error\":\"Query is too long.\"}}", Duration.ZERO);
        assertThatThrownBy(() -> source(Duration.ofSeconds(5)).search(query()))
                .isInstanceOf(ResearchFailure.Rejected.class)
                .hasMessageContaining("Query is too long.");
    }

    @Test
    void aResetConnectionIsUnavailable() {
        givenFault(Fault.CONNECTION_RESET_BY_PEER);
        assertThatThrownBy(() -> source(Duration.ofSeconds(5)).search(query()))
                .isInstanceOf(ResearchFailure.Unavailable.class)
                .hasMessageContaining("connection failed");
    }

    @Test
    void aSlowAnswerTimesOut() {
        givenAnswer(200, "{}", Duration.ofSeconds(3));
        assertThatThrownBy(() -> source(Duration.ofMillis(500)).search(query()))
                .isInstanceOf(ResearchFailure.Unavailable.class)
                .hasMessageContaining("no answer within");
    }
}
