package dev.quillstream.research;

import org.jspecify.annotations.Nullable;

/**
 * One result as a source returned it, in the source's own order.
 *
 * @param url as the source gave it; {@code library:} URLs name documents of the local library
 * @param publishedDate when the source says, as it says it (ISO date or free text)
 */
public record SourceHit(
        String title, String url, String snippet, @Nullable String publishedDate) {

    public SourceHit {
        title = title == null ? "" : title.strip();
        url = url == null ? "" : url.strip();
        snippet = snippet == null ? "" : snippet.strip();
    }
}
