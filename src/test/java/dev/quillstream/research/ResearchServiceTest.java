package dev.quillstream.research;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quillstream.platform.outbound.AddressPolicy;
import dev.quillstream.platform.outbound.SafeHttpClient;
import dev.quillstream.research.fetch.PageFetcher;
import dev.quillstream.testing.MapCache;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Parallel sources with a deadline, warnings for the ones that fail, merging, ranking and the cache. */
class ResearchServiceTest {

    private final MapCache cache = new MapCache();
    private final SafeHttpClient http = new SafeHttpClient(AddressPolicy.publicOnly());
    private ResearchService service;

    @AfterEach
    void close() throws Exception {
        if (service != null) {
            service.close();
        }
        http.close();
    }

    /** A source that answers with {@code answer}, counting its calls. */
    static final class FakeSource implements ResearchSource {
        final SourceKind kind;
        final Function<SearchQuery, SourceResults> answer;
        final AtomicInteger calls = new AtomicInteger();
        String scope = "";

        FakeSource(SourceKind kind, Function<SearchQuery, SourceResults> answer) {
            this.kind = kind;
            this.answer = answer;
        }

        @Override
        public SourceKind kind() {
            return kind;
        }

        @Override
        public SourceResults search(SearchQuery query) {
            calls.incrementAndGet();
            return answer.apply(query);
        }

        @Override
        public String cacheScope(SearchQuery query) {
            return scope;
        }
    }

    private ResearchService givenService(Duration timeout, ResearchSource... sources) {
        service = new ResearchService(
                List.of(sources),
                cache,
                Duration.ofHours(1),
                timeout,
                new SourceReader(
                        null,
                        null,
                        new PageFetcher(http, 1000),
                        cache,
                        Duration.ofHours(1),
                        Duration.ofSeconds(5),
                        1000),
                new SimpleMeterRegistry());
        return service;
    }

    private static SourceResults hits(String... urls) {
        return SourceResults.of(java.util.Arrays.stream(urls)
                .map(url -> new SourceHit("Title of " + url, url, "snippet of " + url, null))
                .toList());
    }

    private static ResearchQuery query(String text, SourceKind... sources) {
        return ResearchQuery.of(text, List.of(sources), 10);
    }

    @Test
    void mergesDuplicatesAcrossSourcesAndRanksAgreementFirst() {
        FakeSource serp = new FakeSource(
                SourceKind.SERP,
                q -> new SourceResults(
                        hits("https://a.example/one", "https://www.b.example/two/?utm_source=serp")
                                .hits(),
                        List.of("b related", "Autoscaling"),
                        List.of(new PeopleAlsoAsk(
                                "What is HPA?", "It scales pods.", "HPA", "https://a.example/one#faq"))));
        FakeSource tavily = new FakeSource(
                SourceKind.TAVILY,
                q -> hits("https://c.example/three", "http://b.example/two", "https://a.example/one"));
        ResearchResponse response = givenService(Duration.ofSeconds(5), serp, tavily)
                .search(query("autoscaling", SourceKind.SERP, SourceKind.TAVILY), null);

        assertThat(response.results())
                .extracting(ResearchResult::url)
                .containsExactly("https://a.example/one", "https://www.b.example/two/", "https://c.example/three");
        assertThat(response.results().get(0).sources()).containsExactly(SourceKind.SERP, SourceKind.TAVILY);
        assertThat(response.results().get(2).sources()).containsExactly(SourceKind.TAVILY);
        assertThat(response.results().get(0).score())
                .isGreaterThan(response.results().get(2).score());
        assertThat(response.relatedQueries()).containsExactly("b related");
        assertThat(response.peopleAlsoAsk().getFirst().link()).isEqualTo("https://a.example/one");
        assertThat(response.warnings()).isEmpty();
        assertThat(response.sources()).containsExactly(SourceKind.SERP, SourceKind.TAVILY);
    }

    @Test
    void aFailingSourceBecomesAWarningNamingItWhileTheOthersAnswer() {
        FakeSource serp = new FakeSource(SourceKind.SERP, q -> {
            throw new ResearchFailure.Unauthenticated(SourceKind.SERP, "HTTP 401: Invalid API key.");
        });
        FakeSource tavily = new FakeSource(SourceKind.TAVILY, q -> hits("https://c.example/three"));
        ResearchResponse response = givenService(Duration.ofSeconds(5), serp, tavily)
                .search(query("autoscaling", SourceKind.SERP, SourceKind.TAVILY), null);
        assertThat(response.results()).extracting(ResearchResult::url).containsExactly("https://c.example/three");
        assertThat(response.warnings())
                .containsExactly(new SourceWarning("serp", "rejected the API key (HTTP 401: Invalid API key.)"));
        assertThat(response.sources()).containsExactly(SourceKind.TAVILY);
    }

    @Test
    void aSlowSourceMissesTheDeadlineAndTheOthersStillAnswer() {
        FakeSource slow = new FakeSource(SourceKind.EXA, q -> {
            try {
                Thread.sleep(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return hits("https://slow.example/");
        });
        FakeSource tavily = new FakeSource(SourceKind.TAVILY, q -> hits("https://c.example/three"));
        ResearchResponse response = givenService(Duration.ofMillis(300), slow, tavily)
                .search(query("autoscaling", SourceKind.EXA, SourceKind.TAVILY), null);
        assertThat(response.results()).extracting(ResearchResult::url).containsExactly("https://c.example/three");
        assertThat(response.warnings()).containsExactly(new SourceWarning("exa", "no answer within 300ms"));
    }

    @Test
    void whenEverySourceFailsTheFailureSaysWhyAndWhenToRetry() {
        FakeSource serp = new FakeSource(SourceKind.SERP, q -> {
            throw new ResearchFailure.RateLimited(SourceKind.SERP, "HTTP 429", Duration.ofSeconds(7));
        });
        FakeSource tavily = new FakeSource(SourceKind.TAVILY, q -> {
            throw new ResearchFailure.RateLimited(SourceKind.TAVILY, "HTTP 429", Duration.ofSeconds(30));
        });
        assertThatThrownBy(() -> givenService(Duration.ofSeconds(5), serp, tavily)
                        .search(query("autoscaling", SourceKind.SERP, SourceKind.TAVILY), null))
                .isInstanceOfSatisfying(ResearchUnavailable.class, failure -> {
                    assertThat(failure.warnings())
                            .extracting(SourceWarning::source)
                            .containsExactly("serp", "tavily");
                    assertThat(failure.retryAfter()).contains(Duration.ofSeconds(30));
                });
    }

    @Test
    void aRepeatedQueryWithinTheTtlCallsNoSource() {
        FakeSource serp = new FakeSource(SourceKind.SERP, q -> hits("https://a.example/one"));
        FakeSource tavily = new FakeSource(SourceKind.TAVILY, q -> hits("https://c.example/three"));
        ResearchService research = givenService(Duration.ofSeconds(5), serp, tavily);
        ResearchResponse first =
                research.search(query("Kubernetes autoscaling", SourceKind.SERP, SourceKind.TAVILY), null);
        ResearchResponse again =
                research.search(query("  kubernetes   AUTOSCALING ", SourceKind.SERP, SourceKind.TAVILY), null);
        assertThat(serp.calls).hasValue(1);
        assertThat(tavily.calls).hasValue(1);
        assertThat(again.results()).isEqualTo(first.results());
        assertThat(cache.ttls())
                .hasSize(2)
                .allSatisfy((key, ttl) -> assertThat(ttl).isEqualTo(Duration.ofHours(1)));

        research.search(query("kubernetes autoscaling", SourceKind.SERP), null);
        research.search(ResearchQuery.of("kubernetes autoscaling", List.of(SourceKind.SERP), 20), null);
        assertThat(serp.calls).as("another result count is another question").hasValue(2);
    }

    @Test
    void aFailedAnswerIsNotCachedSoTheSourceIsAskedAgain() {
        AtomicInteger attempt = new AtomicInteger();
        FakeSource flaky = new FakeSource(SourceKind.SERP, q -> {
            if (attempt.incrementAndGet() == 1) {
                throw new ResearchFailure.Unavailable(SourceKind.SERP, "HTTP 503", null);
            }
            return hits("https://a.example/one");
        });
        FakeSource tavily = new FakeSource(SourceKind.TAVILY, q -> hits("https://c.example/three"));
        ResearchService research = givenService(Duration.ofSeconds(5), flaky, tavily);
        assertThat(research.search(query("q", SourceKind.SERP, SourceKind.TAVILY), null)
                        .warnings())
                .hasSize(1);
        ResearchResponse second = research.search(query("q", SourceKind.SERP, SourceKind.TAVILY), null);
        assertThat(second.warnings()).isEmpty();
        assertThat(second.results()).hasSize(2);
        assertThat(tavily.calls).hasValue(1);
    }

    @Test
    void theLibrarysScopeIsPartOfTheCacheKey() {
        FakeSource local = new FakeSource(SourceKind.LOCAL, q -> hits("library:a.md"));
        ResearchService research = givenService(Duration.ofSeconds(5), local);
        local.scope = "shared@1";
        research.search(query("q", SourceKind.LOCAL), null);
        research.search(query("q", SourceKind.LOCAL), null);
        local.scope = "shared@2";
        research.search(query("q", SourceKind.LOCAL), null);
        assertThat(local.calls).hasValue(2);
    }

    @Test
    void defaultsAreTheWebSourcesOrTheLibraryWhenThereAreNone() {
        FakeSource local = new FakeSource(SourceKind.LOCAL, q -> hits("library:a.md"));
        assertThat(givenService(Duration.ofSeconds(1), local).defaultSources()).containsExactly(SourceKind.LOCAL);
        service.close();
        FakeSource exa = new FakeSource(SourceKind.EXA, q -> hits("https://e.example/"));
        ResearchService both = givenService(Duration.ofSeconds(1), local, exa);
        assertThat(both.defaultSources()).containsExactly(SourceKind.EXA);
        assertThat(both.search(ResearchQuery.of("q", List.of(), 5), null).sources())
                .containsExactly(SourceKind.EXA);
        assertThat(local.calls).hasValue(0);
    }

    @Test
    void unconfiguredSourcesAreWarningsAndNoneConfiguredIsBadInput() {
        FakeSource local = new FakeSource(SourceKind.LOCAL, q -> hits("library:a.md"));
        ResearchService research = givenService(Duration.ofSeconds(1), local);
        ResearchResponse response = research.search(query("q", SourceKind.SERP, SourceKind.LOCAL), null);
        assertThat(response.warnings())
                .containsExactly(new SourceWarning("serp", "not configured on this server (set SERPAPI_API_KEY)"));
        assertThatThrownBy(() -> research.search(query("q", SourceKind.TAVILY), null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("available: local");
        assertThat(Set.copyOf(research.configuredSources())).containsExactly(SourceKind.LOCAL);
    }

    @Test
    void unusableUrlsAreDropped() {
        FakeSource serp =
                new FakeSource(SourceKind.SERP, q -> hits("javascript:alert(1)", "/relative", "https://ok.example/"));
        ResearchResponse response = givenService(Duration.ofSeconds(1), serp).search(query("q", SourceKind.SERP), null);
        assertThat(response.results()).extracting(ResearchResult::url).containsExactly("https://ok.example/");
    }
}
