package dev.quillstream.research.local;

import dev.quillstream.research.ResearchSource;
import dev.quillstream.research.SearchQuery;
import dev.quillstream.research.SourceKind;
import dev.quillstream.research.SourceResults;

/** The {@code local} source: the user's own documents, searched in PostgreSQL. */
public final class LocalLibrarySource implements ResearchSource {

    private final LibraryStore store;

    public LocalLibrarySource(LibraryStore store) {
        this.store = store;
    }

    @Override
    public SourceKind kind() {
        return SourceKind.LOCAL;
    }

    @Override
    public SourceResults search(SearchQuery query) {
        return SourceResults.of(store.search(query.query(), query.owner(), query.maxResults()));
    }

    @Override
    public String cacheScope(SearchQuery query) {
        return (query.owner() == null ? "shared" : query.owner().toString()) + "@" + store.revision();
    }
}
