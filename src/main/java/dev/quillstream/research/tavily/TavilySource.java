package dev.quillstream.research.tavily;

import static dev.quillstream.research.support.SearchHttp.text;
import static dev.quillstream.research.support.SearchHttp.textOrNull;

import dev.quillstream.research.ResearchSource;
import dev.quillstream.research.SearchQuery;
import dev.quillstream.research.SourceHit;
import dev.quillstream.research.SourceKind;
import dev.quillstream.research.SourceResults;
import dev.quillstream.research.support.SearchHttp;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Tavily's {@code POST /search} (bearer key): {@code results} are the hits, {@code follow_up_questions} related queries. */
public final class TavilySource implements ResearchSource {

    /** Tavily's documented maximum for {@code max_results}. */
    private static final int MAX_RESULTS = 20;

    private final String apiKey;
    private final URI endpoint;
    private final SearchHttp http;

    public TavilySource(String apiKey, String baseUrl, Duration timeout) {
        this.apiKey = apiKey;
        this.endpoint = URI.create(baseUrl.replaceAll("/+$", "") + "/search");
        this.http = new SearchHttp(SourceKind.TAVILY, timeout);
    }

    @Override
    public SourceKind kind() {
        return SourceKind.TAVILY;
    }

    @Override
    public SourceResults search(SearchQuery query) {
        ObjectNode body = SearchHttp.json()
                .createObjectNode()
                .put("query", query.query())
                .put("search_depth", "basic")
                .put("max_results", Math.min(MAX_RESULTS, query.maxResults()))
                .put("include_answer", false)
                .put("include_raw_content", false)
                .put("include_images", false);
        JsonNode json = http.post(endpoint, Map.of("Authorization", "Bearer " + apiKey), body);
        List<SourceHit> hits = new ArrayList<>();
        for (JsonNode result : json.path("results")) {
            if (!text(result, "url").isBlank()) {
                hits.add(new SourceHit(
                        text(result, "title"),
                        text(result, "url"),
                        text(result, "content"),
                        textOrNull(result, "published_date")));
            }
        }
        List<String> related = new ArrayList<>();
        for (JsonNode question : json.path("follow_up_questions")) {
            if (question.isString() && !question.asString().isBlank()) {
                related.add(question.asString());
            }
        }
        return new SourceResults(hits, related, List.of());
    }
}
