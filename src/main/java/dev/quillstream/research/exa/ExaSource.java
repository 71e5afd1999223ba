package dev.quillstream.research.exa;

import static dev.quillstream.research.support.SearchHttp.text;
import static dev.quillstream.research.support.SearchHttp.textOrNull;

import dev.quillstream.research.ResearchSource;
import dev.quillstream.research.SearchQuery;
import dev.quillstream.research.SourceHit;
import dev.quillstream.research.SourceKind;
import dev.quillstream.research.SourceResults;
import dev.quillstream.research.Urls;
import dev.quillstream.research.support.SearchHttp;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Exa (formerly Metaphor): {@code POST /search} with highlights for snippets, and {@code POST
 * /contents} for the full text of chosen results — Exa crawls them, so its results are read
 * without fetching the page ourselves (and PDFs such as arXiv papers come back as text).
 */
public final class ExaSource implements ResearchSource {

    /** Exa's documented maximum for {@code numResults} on the standard plans. */
    private static final int MAX_RESULTS = 100;

    private final String apiKey;
    private final String baseUrl;
    private final SearchHttp http;

    public ExaSource(String apiKey, String baseUrl, Duration timeout) {
        this.apiKey = apiKey;
        this.baseUrl = baseUrl.replaceAll("/+$", "");
        this.http = new SearchHttp(SourceKind.EXA, timeout);
    }

    @Override
    public SourceKind kind() {
        return SourceKind.EXA;
    }

    @Override
    public SourceResults search(SearchQuery query) {
        ObjectNode body = SearchHttp.json()
                .createObjectNode()
                .put("query", query.query())
                .put("type", "auto")
                .put("numResults", Math.min(MAX_RESULTS, query.maxResults()));
        body.putObject("contents")
                .putObject("highlights")
                .put("numSentences", 3)
                .put("highlightsPerUrl", 2);
        JsonNode json = http.post(URI.create(baseUrl + "/search"), headers(), body);
        List<SourceHit> hits = new ArrayList<>();
        for (JsonNode result : json.path("results")) {
            if (!text(result, "url").isBlank()) {
                hits.add(new SourceHit(
                        text(result, "title"),
                        text(result, "url"),
                        snippet(result),
                        textOrNull(result, "publishedDate")));
            }
        }
        return SourceResults.of(hits);
    }

    /**
     * The page text of each URL Exa could read, keyed by {@link Urls#key}; URLs Exa failed on (its
     * {@code statuses}) are simply absent.
     */
    public Map<String, String> contents(List<String> urls, int maxCharacters) {
        ObjectNode body = SearchHttp.json().createObjectNode();
        ArrayNode list = body.putArray("urls");
        urls.forEach(list::add);
        body.putObject("text").put("maxCharacters", maxCharacters).put("includeHtmlTags", false);
        JsonNode json = http.post(URI.create(baseUrl + "/contents"), headers(), body);
        Map<String, String> texts = new LinkedHashMap<>();
        for (JsonNode result : json.path("results")) {
            String page = text(result, "text");
            if (page.isBlank()) {
                continue;
            }
            // Exa answers with the page it read (url) and the id we asked for: index both.
            for (String field : List.of("url", "id")) {
                if (!text(result, field).isBlank()) {
                    texts.putIfAbsent(Urls.key(text(result, field)), page);
                }
            }
        }
        return texts;
    }

    private Map<String, String> headers() {
        return Map.of("x-api-key", apiKey);
    }

    private static String snippet(JsonNode result) {
        List<String> highlights = new ArrayList<>();
        result.path("highlights").forEach(h -> highlights.add(h.asString("")));
        String joined = String.join(" … ", highlights).strip();
        if (!joined.isEmpty()) {
            return joined;
        }
        if (!text(result, "summary").isBlank()) {
            return text(result, "summary");
        }
        String page = text(result, "text");
        return page.length() <= 300 ? page : page.substring(0, 300) + "…";
    }
}
