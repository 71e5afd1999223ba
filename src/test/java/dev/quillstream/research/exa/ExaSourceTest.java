package dev.quillstream.research.exa;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import dev.quillstream.research.ResearchSource;
import dev.quillstream.research.ResearchSourceContract;
import dev.quillstream.research.SearchQuery;
import dev.quillstream.research.SourceHit;
import dev.quillstream.research.SourceKind;
import dev.quillstream.research.SourceResults;
import dev.quillstream.research.Urls;
import dev.quillstream.testing.WireFixtures;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Exa's {@code /search} and {@code /contents} against the answers generated from its OpenAPI
 * spec ({@code wire/exa}). The recorded samples hold no error bodies: the errors here use the
 * shape {@code {requestId, error, tag}} the README notes, and the contract's 429 says
 * {@code Retry-After: 30} the standard way.
 */
class ExaSourceTest extends ResearchSourceContract {

    @Override
    protected ResearchSource source(Duration timeout) {
        return exa(timeout);
    }

    private ExaSource exa(Duration timeout) {
        return new ExaSource("secret-key", wire.baseUrl(), timeout);
    }

    @Override
    protected SourceKind kind() {
        return SourceKind.EXA;
    }

    @Override
    protected void givenResults() {
        wire.stubFor(post("/search")
                .withHeader("x-api-key", equalTo("secret-key"))
                .willReturn(json(200, WireFixtures.text("exa/search.response.prism-static.json"))));
    }

    @Override
    protected List<SourceHit> expectedHits() {
        return List.of(new SourceHit(
                "A Comprehensive Overview of Large Language Models", "https://arxiv.org/pdf/2307.06435.pdf", "", null));
    }

    @Override
    protected void thenRequestWasWellFormed(SearchQuery query) {
        wire.verify(postRequestedFor(urlEqualTo("/search"))
                .withHeader("x-api-key", equalTo("secret-key"))
                .withRequestBody(equalToJson(
                        "{\"query\":\"" + query.query() + "\",\"numResults\":" + query.maxResults()
                                + ",\"type\":\"auto\"}",
                        true,
                        true)));
    }

    @Override
    protected void givenUnauthenticated() {
        wire.stubFor(post(anyUrl())
                .willReturn(
                        json(401, "{\"requestId\":\"r1\",\"error\":\"Invalid API key\",\"tag\":\"INVALID_API_KEY\"}")));
    }

    @Override
    protected void givenRateLimited() {
        wire.stubFor(post(anyUrl())
                .willReturn(json(429, "{\"requestId\":\"r2\",\"error\":\"Rate limit exceeded\",\"tag\":\"RATE_LIMIT\"}")
                        .withHeader("Retry-After", "30")));
    }

    @Override
    protected Duration retryAfter() {
        return Duration.ofSeconds(30);
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
    void highlightsAreTheSnippetAndThePublishedDateIsKept() {
        givenResults();
        SourceResults results = source(Duration.ofSeconds(5)).search(query());
        assertThat(results.hits().getFirst().snippet()).isEqualTo("Such requirements have limited their adoption...");
        assertThat(results.hits().getFirst().publishedDate()).isEqualTo("2023-11-16T01:36:32.547Z");
    }

    @Test
    void contentsReadsPageTextKeyedByTheUrlsAskedFor() {
        wire.stubFor(post("/contents")
                .withHeader("x-api-key", equalTo("secret-key"))
                .willReturn(json(200, WireFixtures.text("exa/contents.response.prism-static.json"))));
        Map<String, String> texts =
                exa(Duration.ofSeconds(5)).contents(List.of("https://arxiv.org/abs/2307.06435"), 5000);
        assertThat(texts.get(Urls.key("https://arxiv.org/abs/2307.06435")))
                .startsWith("Abstract Large Language Models");
        wire.verify(postRequestedFor(urlEqualTo("/contents"))
                .withRequestBody(equalToJson(
                        "{\"urls\":[\"https://arxiv.org/abs/2307.06435\"],\"text\":{\"maxCharacters\":5000}}",
                        true,
                        true)));
    }

    private static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse()
                .withStatus(status)
                .withHeader("Content-Type", "application/json")
                .withBody(body);
    }
}
