package dev.quillstream.research;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A research request: a query put to several sources at once.
 *
 * @param sources which sources to ask; empty means the configured defaults
 */
public record ResearchQuery(String query, Set<SourceKind> sources, int maxResults) {

    public static final int DEFAULT_MAX_RESULTS = 10;
    public static final int MAX_RESULTS = 50;
    public static final int MAX_QUERY_LENGTH = 400;

    public ResearchQuery {
        if (query == null || query.isBlank()) {
            throw new IllegalArgumentException("query must not be blank");
        }
        query = query.strip().replaceAll("\\s+", " ");
        if (query.length() > MAX_QUERY_LENGTH) {
            throw new IllegalArgumentException("query must be at most " + MAX_QUERY_LENGTH + " characters");
        }
        sources = Set.copyOf(new LinkedHashSet<>(sources));
        if (maxResults < 1 || maxResults > MAX_RESULTS) {
            throw new IllegalArgumentException("max_results must be within 1.." + MAX_RESULTS);
        }
    }

    public static ResearchQuery of(String query, List<SourceKind> sources, int maxResults) {
        return new ResearchQuery(query, new LinkedHashSet<>(sources), maxResults);
    }
}
