package dev.quillstream.research;

import java.util.List;

/** What one source answered to one query. */
public record SourceResults(List<SourceHit> hits, List<String> relatedQueries, List<PeopleAlsoAsk> peopleAlsoAsk) {

    public SourceResults {
        hits = List.copyOf(hits);
        relatedQueries = List.copyOf(relatedQueries);
        peopleAlsoAsk = List.copyOf(peopleAlsoAsk);
    }

    public static SourceResults of(List<SourceHit> hits) {
        return new SourceResults(hits, List.of(), List.of());
    }
}
