package dev.quillstream.research.web;

import dev.quillstream.research.ResearchQuery;
import dev.quillstream.research.SourceKind;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The seed's research request {@code {query, sources, max_results}}. An unknown source name fails
 * while the JSON is read, naming {@code sources[i]}.
 *
 * @param sources empty or absent: the configured defaults
 * @param maxResults default {@value ResearchQuery#DEFAULT_MAX_RESULTS}
 */
record ResearchRequest(
        @NotBlank(message = "must not be blank")
        @Size(max = ResearchQuery.MAX_QUERY_LENGTH, message = "must be at most 400 characters")
        String query,

        @Nullable List<@NotNull(message = "must be a source name") SourceKind> sources,

        @Nullable
        @Min(value = 1, message = "must be at least 1")
        @Max(value = ResearchQuery.MAX_RESULTS, message = "must be at most 50")
        Integer maxResults) {

    ResearchQuery toQuery() {
        return ResearchQuery.of(
                query,
                sources == null ? List.of() : sources,
                maxResults == null ? ResearchQuery.DEFAULT_MAX_RESULTS : maxResults);
    }
}
