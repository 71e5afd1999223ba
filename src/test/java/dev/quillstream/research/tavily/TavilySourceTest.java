package dev.quillstream.research.tavily;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import dev.quillstream.research.ResearchSource;
import dev.quillstream.research.ResearchSourceContract;
import dev.quillstream.research.SearchQuery;
import dev.quillstream.research.SourceHit;
import dev.quillstream.research.SourceKind;
import dev.quillstream.testing.WireFixtures;
import java.time.Duration;
import java.util.List;

/** Tavily's {@code /search} against its recorded answers ({@code wire/tavily}). */
class TavilySourceTest extends ResearchSourceContract {

    @Override
    protected ResearchSource source(Duration timeout) {
        return new TavilySource("secret-key", wire.baseUrl(), timeout);
    }

    @Override
    protected SourceKind kind() {
        return SourceKind.TAVILY;
    }

    @Override
    protected void givenResults() {
        wire.stubFor(post("/search")
                .withHeader("Authorization", equalTo("Bearer secret-key"))
                .willReturn(json(200, WireFixtures.text("tavily/search.response.json"))));
    }

    @Override
    protected List<SourceHit> expectedHits() {
        return List.of(new SourceHit("Tavily", "https://tavily.com", "", null));
    }

    @Override
    protected void thenRequestWasWellFormed(SearchQuery query) {
        wire.verify(postRequestedFor(urlEqualTo("/search"))
                .withHeader("Authorization", equalTo("Bearer secret-key"))
                .withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(equalToJson(
                        "{\"query\":\"" + query.query() + "\",\"max_results\":" + query.maxResults() + "}",
                        true,
                        true)));
    }

    @Override
    protected void givenUnauthenticated() {
        wire.stubFor(post(anyUrl()).willReturn(json(401, WireFixtures.text("tavily/error.401.invalid_key.json"))));
    }

    @Override
    protected void givenRateLimited() {
        var recorded = WireFixtures.http("tavily/error.429.rate_limit.http");
        ResponseDefinitionBuilder response =
                aResponse().withStatus(recorded.status()).withBody(recorded.body());
        recorded.headers().forEach(response::withHeader);
        wire.stubFor(post(anyUrl()).willReturn(response));
    }

    @Override
    protected Duration retryAfter() {
        return Duration.ofSeconds(7);
    }

    @Override
    protected void givenAnswer(int status, String body, Duration delay) {
        wire.stubFor(any(anyUrl()).willReturn(json(status, body).withFixedDelay((int) delay.toMillis())));
    }

    @Override
    protected void givenFault(Fault fault) {
        wire.stubFor(any(anyUrl()).willReturn(aResponse().withFault(fault)));
    }

    private static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse()
                .withStatus(status)
                .withHeader("Content-Type", "application/json")
                .withBody(body);
    }
}
