package dev.quillstream.research;

import java.util.List;

/** The seed's research answer {@code {results, related_queries, people_also_ask}}, plus the warnings of sources that failed. */
public record ResearchResponse(
        String query,
        List<ResearchResult> results,
        List<String> relatedQueries,
        List<PeopleAlsoAsk> peopleAlsoAsk,
        List<SourceKind> sources,
        List<SourceWarning> warnings) {

    public ResearchResponse {
        results = List.copyOf(results);
        relatedQueries = List.copyOf(relatedQueries);
        peopleAlsoAsk = List.copyOf(peopleAlsoAsk);
        sources = List.copyOf(sources);
        warnings = List.copyOf(warnings);
    }
}
