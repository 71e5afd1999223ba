package dev.quillstream.research.serpapi;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.http.Fault;
import dev.quillstream.research.PeopleAlsoAsk;
import dev.quillstream.research.ResearchSource;
import dev.quillstream.research.ResearchSourceContract;
import dev.quillstream.research.SearchQuery;
import dev.quillstream.research.SourceHit;
import dev.quillstream.research.SourceKind;
import dev.quillstream.research.SourceResults;
import dev.quillstream.testing.WireFixtures;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** SerpApi's Google engine against its recorded answers ({@code wire/serpapi}). */
class SerpApiSourceTest extends ResearchSourceContract {

    @Override
    protected ResearchSource source(Duration timeout) {
        return new SerpApiSource("secret-key", wire.baseUrl(), timeout);
    }

    @Override
    protected SourceKind kind() {
        return SourceKind.SERP;
    }

    @Override
    protected void givenResults() {
        wire.stubFor(get(urlPathEqualTo("/search.json"))
                .withQueryParam("api_key", equalTo("secret-key"))
                .willReturn(json(200, WireFixtures.text("serpapi/search.google.response.json"))));
    }

    @Override
    protected List<SourceHit> expectedHits() {
        return List.of(
                new SourceHit("Why Does My Cat Lick Me?", "https://www.example.com/why-does-my-cat-lick-me", "", null));
    }

    @Override
    protected void thenRequestWasWellFormed(SearchQuery query) {
        wire.verify(getRequestedFor(urlPathEqualTo("/search.json"))
                .withQueryParam("engine", equalTo("google"))
                .withQueryParam("q", equalTo(query.query()))
                .withQueryParam("num", equalTo(Integer.toString(query.maxResults())))
                .withQueryParam("api_key", equalTo("secret-key")));
    }

    @Override
    protected void givenUnauthenticated() {
        wire.stubFor(get(anyUrl()).willReturn(json(401, WireFixtures.text("serpapi/error.401.invalid_api_key.json"))));
    }

    @Override
    protected void givenRateLimited() {
        wire.stubFor(get(anyUrl()).willReturn(json(429, WireFixtures.text("serpapi/error.429.out_of_searches.json"))));
    }

    @Override
    protected Duration retryAfter() {
        return null;
    }

    @Override
    protected void givenAnswer(int status, String body, Duration delay) {
        wire.stubFor(any(anyUrl()).willReturn(json(status, body).withFixedDelay((int) delay.toMillis())));
    }

    @Override
    protected void givenFault(Fault fault) {
        wire.stubFor(any(anyUrl()).willReturn(aResponse().withFault(fault)));
    }

    @Test
    void relatedQuestionsArePeopleAlsoAskAndRelatedSearchesAreRelatedQueries() {
        givenResults();
        SourceResults results = source(Duration.ofSeconds(5)).search(query());
        assertThat(results.peopleAlsoAsk())
                .containsExactly(new PeopleAlsoAsk(
                        "How do I know my cat loves me?",
                        "Slow blinking, head bunting and kneading are common signs of affection.",
                        "10 Signs Your Cat Loves You",
                        "https://www.example.com/signs-cat-loves-you"));
        assertThat(results.relatedQueries())
                .containsExactly("why does my cat lick me then bite me", "why does my cat lick me at night");
        assertThat(results.hits().getFirst().snippet()).startsWith("Cats lick their owners");
    }

    @Test
    void googleHavingNoResultsIsAnEmptyAnswerNotAFailure() {
        wire.stubFor(get(anyUrl()).willReturn(json(200, WireFixtures.text("serpapi/success.no_results.json"))));
        SourceResults results = source(Duration.ofSeconds(5)).search(new SearchQuery("zzzqqqxxx", 5, null));
        assertThat(results.hits()).isEmpty();
        assertThat(results.peopleAlsoAsk()).isEmpty();
    }

    @Test
    void theKeyNeverAppearsInAFailureMessage() {
        givenAnswer(503, "{\"error\":\"down\"}", Duration.ZERO);
        try {
            source(Duration.ofSeconds(5)).search(query());
        } catch (RuntimeException e) {
            assertThat(e.getMessage()).doesNotContain("secret-key").doesNotContain("api_key");
            return;
        }
        throw new AssertionError("a 503 must fail");
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(int status, String body) {
        return aResponse()
                .withStatus(status)
                .withHeader("Content-Type", "application/json; charset=utf-8")
                .withBody(body);
    }
}
