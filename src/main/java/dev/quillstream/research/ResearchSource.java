package dev.quillstream.research;

/**
 * The port every research source implements: one query in, that source's results out, in its own
 * ranking. Calls block (callers run them on virtual threads, with a deadline) and fail with a
 * {@link ResearchFailure} that says what went wrong.
 */
public interface ResearchSource {

    SourceKind kind();

    /** @throws ResearchFailure when the source cannot answer */
    SourceResults search(SearchQuery query);

    /**
     * What besides the query text makes an answer differ, for the cache key: empty for a web
     * search; the caller's account and the library's revision for the local library, so a cached
     * answer never outlives a change to the documents it came from.
     */
    default String cacheScope(SearchQuery query) {
        return "";
    }
}
