package dev.quillstream.research;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One page (or library document) after the sources' answers were merged.
 *
 * @param url normalised: lower-case scheme and host, no default port, no fragment, no tracking
 *     parameters
 * @param sources every source that returned it, best-ranked first
 * @param score reciprocal-rank fusion of its positions in each source's answer: higher is better
 */
public record ResearchResult(
        String title,
        String url,
        String snippet,
        List<SourceKind> sources,
        double score,
        @Nullable String publishedDate) {

    public ResearchResult {
        sources = List.copyOf(sources);
    }
}
