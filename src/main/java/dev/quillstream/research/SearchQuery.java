package dev.quillstream.research;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One query put to one source.
 *
 * @param owner the account searching, whose uploaded documents the {@code local} source may see;
 *     null sees only the shared library folder
 */
public record SearchQuery(
        String query, int maxResults, @Nullable UUID owner) {

    public SearchQuery {
        if (query == null || query.isBlank()) {
            throw new IllegalArgumentException("query must not be blank");
        }
        query = query.strip().replaceAll("\\s+", " ");
        if (maxResults < 1) {
            throw new IllegalArgumentException("maxResults must be positive: " + maxResults);
        }
    }
}
