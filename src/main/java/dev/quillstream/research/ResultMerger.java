package dev.quillstream.research;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Merges the sources' answers into one ranked list. URLs are normalised and a page found by
 * several sources is one result naming them all. Ranking is reciprocal-rank fusion (each source
 * adds {@code 1 / (60 + position)}): it needs no comparable scores across engines, and a page
 * several engines agree on rises.
 */
final class ResultMerger {

    private static final int FUSION_K = 60;
    private static final int MAX_RELATED = 10;

    private ResultMerger() {}

    private static final class Merged {
        final String url;
        String title;
        String snippet;
        String publishedDate;
        final Set<SourceKind> sources = new LinkedHashSet<>();
        double score;
        final int firstSeen;

        Merged(String url, SourceHit hit, int firstSeen) {
            this.url = url;
            this.title = hit.title();
            this.snippet = hit.snippet();
            this.publishedDate = hit.publishedDate();
            this.firstSeen = firstSeen;
        }
    }

    /** @param answers each source's answer, in the order the sources were asked */
    static List<ResearchResult> results(Map<SourceKind, SourceResults> answers, int limit) {
        Map<String, Merged> merged = new LinkedHashMap<>();
        for (Map.Entry<SourceKind, SourceResults> answer : answers.entrySet()) {
            List<SourceHit> hits = answer.getValue().hits();
            for (int position = 0; position < hits.size(); position++) {
                SourceHit hit = hits.get(position);
                if (!usable(hit.url())) {
                    continue;
                }
                String url = Urls.normalize(hit.url());
                Merged result = merged.computeIfAbsent(Urls.key(url), k -> new Merged(url, hit, merged.size()));
                if (result.sources.add(answer.getKey())) {
                    result.score += 1.0 / (FUSION_K + position + 1);
                }
                if (result.title.isBlank()) {
                    result.title = hit.title();
                }
                if (hit.snippet().length() > result.snippet.length()) {
                    result.snippet = hit.snippet();
                }
                if (result.publishedDate == null) {
                    result.publishedDate = hit.publishedDate();
                }
            }
        }
        return merged.values().stream()
                .sorted(Comparator.comparingDouble((Merged m) -> m.score)
                        .reversed()
                        .thenComparingInt(m -> m.firstSeen))
                .limit(limit)
                .map(m -> new ResearchResult(
                        m.title.isBlank() ? m.url : m.title,
                        m.url,
                        m.snippet,
                        List.copyOf(m.sources),
                        Math.round(m.score * 1_000_000) / 1_000_000.0,
                        m.publishedDate))
                .toList();
    }

    static List<String> relatedQueries(Map<SourceKind, SourceResults> answers, String query) {
        Map<String, String> distinct = new LinkedHashMap<>();
        answers.values()
                .forEach(answer -> answer.relatedQueries().forEach(related -> {
                    String key = related.strip().toLowerCase(Locale.ROOT);
                    if (!key.isEmpty() && !key.equals(query.toLowerCase(Locale.ROOT))) {
                        distinct.putIfAbsent(key, related.strip());
                    }
                }));
        return distinct.values().stream().limit(MAX_RELATED).toList();
    }

    static List<PeopleAlsoAsk> peopleAlsoAsk(Map<SourceKind, SourceResults> answers) {
        Map<String, PeopleAlsoAsk> distinct = new LinkedHashMap<>();
        answers.values()
                .forEach(answer -> answer.peopleAlsoAsk()
                        .forEach(question -> distinct.putIfAbsent(
                                question.question().toLowerCase(Locale.ROOT), normalized(question))));
        return new ArrayList<>(distinct.values()).stream().limit(MAX_RELATED).toList();
    }

    private static PeopleAlsoAsk normalized(PeopleAlsoAsk question) {
        String link = question.link();
        return new PeopleAlsoAsk(
                question.question(),
                question.snippet(),
                question.title(),
                link != null && Urls.isWeb(link) ? Urls.normalize(link) : null);
    }

    /** Web pages and library documents; anything else (javascript:, data:, relative) is dropped. */
    static boolean usable(String url) {
        return Urls.isWeb(url) || url.startsWith("library:");
    }
}
