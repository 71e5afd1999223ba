package dev.quillstream.testing;

import dev.quillstream.research.Research;
import dev.quillstream.research.ResearchQuery;
import dev.quillstream.research.ResearchResponse;
import dev.quillstream.research.ResearchResult;
import dev.quillstream.research.ResearchUnavailable;
import dev.quillstream.research.SourceKind;
import dev.quillstream.research.SourceText;
import dev.quillstream.research.SourceWarning;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jspecify.annotations.Nullable;

/** Research over a map of pages (URL → text): every query finds every page; reading returns the page text. */
public final class FakeResearch implements Research {
    public final Map<String, String> pages;
    public final List<String> queries = new CopyOnWriteArrayList<>();
    public final List<UUID> owners = new CopyOnWriteArrayList<>();
    public final List<Set<SourceKind>> asked = new CopyOnWriteArrayList<>();
    public volatile boolean unavailable;

    public FakeResearch(Map<String, String> pages) {
        this.pages = pages;
    }

    @Override
    public ResearchResponse search(ResearchQuery query, @Nullable UUID owner) {
        queries.add(query.query());
        asked.add(query.sources());
        if (owner != null) {
            owners.add(owner);
        }
        if (unavailable) {
            throw new ResearchUnavailable(List.of(new SourceWarning("tavily", "rate limited (HTTP 429)")), null);
        }
        List<ResearchResult> results = new ArrayList<>();
        pages.forEach((url, text) -> results.add(new ResearchResult(
                "Page at " + url, url, text.substring(0, 40), List.of(SourceKind.TAVILY), 0.01, null)));
        return new ResearchResponse(
                query.query(), results, List.of(), List.of(), List.of(SourceKind.TAVILY), List.of());
    }

    @Override
    public List<SourceText> read(List<ResearchResult> results, @Nullable UUID owner) {
        return results.stream()
                .map(r -> new SourceText(r, pages.get(r.url()), true))
                .toList();
    }

    @Override
    public Set<SourceKind> configuredSources() {
        return Set.of(SourceKind.TAVILY, SourceKind.LOCAL);
    }

    @Override
    public Set<SourceKind> defaultSources() {
        return Set.of(SourceKind.TAVILY);
    }
}
