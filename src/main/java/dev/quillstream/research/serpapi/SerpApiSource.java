package dev.quillstream.research.serpapi;

import static dev.quillstream.research.support.SearchHttp.text;
import static dev.quillstream.research.support.SearchHttp.textOrNull;

import dev.quillstream.research.PeopleAlsoAsk;
import dev.quillstream.research.ResearchSource;
import dev.quillstream.research.SearchQuery;
import dev.quillstream.research.SourceHit;
import dev.quillstream.research.SourceKind;
import dev.quillstream.research.SourceResults;
import dev.quillstream.research.support.SearchHttp;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Google results through SerpApi ({@code GET /search.json?engine=google}): {@code organic_results}
 * are the hits, {@code related_questions} become "people also ask", {@code related_searches} the
 * related queries. A search Google has no results for is answered 200 with an {@code error}
 * message and no results: that is an empty answer, not a failure.
 */
public final class SerpApiSource implements ResearchSource {

    /** Google returns at most 100 organic results per page. */
    private static final int MAX_NUM = 100;

    private final String apiKey;
    private final String baseUrl;
    private final SearchHttp http;

    public SerpApiSource(String apiKey, String baseUrl, Duration timeout) {
        this.apiKey = apiKey;
        this.baseUrl = baseUrl.replaceAll("/+$", "");
        this.http = new SearchHttp(SourceKind.SERP, timeout);
    }

    @Override
    public SourceKind kind() {
        return SourceKind.SERP;
    }

    @Override
    public SourceResults search(SearchQuery query) {
        URI uri = URI.create(baseUrl + "/search.json?engine=google&q=" + encode(query.query()) + "&num="
                + Math.min(MAX_NUM, query.maxResults()) + "&api_key=" + encode(apiKey));
        JsonNode json = http.get(uri, Map.of());
        List<SourceHit> hits = new ArrayList<>();
        for (JsonNode result : json.path("organic_results")) {
            String link = text(result, "link");
            if (!link.isBlank() && hits.size() < query.maxResults()) {
                hits.add(new SourceHit(
                        text(result, "title"), link, text(result, "snippet"), textOrNull(result, "date")));
            }
        }
        List<PeopleAlsoAsk> questions = new ArrayList<>();
        for (JsonNode question : json.path("related_questions")) {
            if (!text(question, "question").isBlank()) {
                questions.add(new PeopleAlsoAsk(
                        text(question, "question"),
                        text(question, "snippet"),
                        textOrNull(question, "title"),
                        textOrNull(question, "link")));
            }
        }
        List<String> related = new ArrayList<>();
        for (JsonNode search : json.path("related_searches")) {
            if (!text(search, "query").isBlank()) {
                related.add(text(search, "query"));
            }
        }
        return new SourceResults(hits, related, questions);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
