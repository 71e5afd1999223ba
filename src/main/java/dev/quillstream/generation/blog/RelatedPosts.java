package dev.quillstream.generation.blog;

import dev.quillstream.content.BlogMetadata;
import dev.quillstream.content.ContentStore;
import dev.quillstream.content.ContentSummary;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Internal-link suggestions: the author's earlier posts that rank highest in full-text search for
 * this post's keywords and topic.
 */
final class RelatedPosts {

    static final int LIMIT = 3;

    private final ContentStore contents;

    RelatedPosts(ContentStore contents) {
        this.contents = contents;
    }

    void suggest(BlogRun run) {
        if (run.owner == null) {
            return;
        }
        UUID self = run.draft.post == null ? new UUID(0, 0) : UUID.fromString(run.draft.post.id());
        run.draft.earlierContents = contents.count(run.owner);
        List<String> terms = new ArrayList<>(run.request.keywords());
        terms.add(run.request.topic());
        run.draft.internalLinks = contents.similar(run.owner, terms, self, LIMIT).stream()
                .map(RelatedPosts::link)
                .toList();
    }

    private static BlogMetadata.Seo.Link link(ContentSummary summary) {
        return new BlogMetadata.Seo.Link(summary.title(), "/api/v1/contents/" + summary.id(), summary.title());
    }
}
