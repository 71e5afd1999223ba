package dev.quillstream.generation.grounding;

import dev.quillstream.generation.GenerationFailed;
import dev.quillstream.generation.NoSourcesFound;
import dev.quillstream.generation.support.Parallel;
import dev.quillstream.research.Research;
import dev.quillstream.research.ResearchQuery;
import dev.quillstream.research.ResearchResponse;
import dev.quillstream.research.ResearchResult;
import dev.quillstream.research.ResearchUnavailable;
import dev.quillstream.research.SourceKind;
import dev.quillstream.research.SourceText;
import dev.quillstream.research.SourceWarning;
import dev.quillstream.research.UntrustedText;
import dev.quillstream.research.Urls;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gathers the sources of a document (a post, a book): every query is put to the default sources
 * and the caller's library (the user's own documents count wherever there are any), in parallel;
 * the answers are fused (a page several queries found ranks higher), the best few are read (pages
 * fetched, library documents loaded), numbered and split into cleaned passages. With no usable
 * source the document is refused rather than written unresearched.
 */
public final class SourceGathering {

    private static final Logger log = LoggerFactory.getLogger(SourceGathering.class);
    public static final int RESULTS_PER_QUERY = 8;
    private static final int FUSION_K = 60;

    private SourceGathering() {}

    /**
     * The texts of the {@code count} best sources for {@code queries}, read; the caller numbers them
     * with {@link Grounding#of}.
     *
     * @param subject what the document is about, for messages
     * @throws NoSourcesFound when no source returned a usable text
     */
    public static List<SourceText> gather(
            @Nullable Research research, String subject, List<String> queries, @Nullable UUID owner, int count) {
        if (research == null) {
            throw new GenerationFailed("research is not available here: it needs the server (its database holds the"
                    + " library); write researched documents through the API");
        }
        Set<SourceKind> sources = new java.util.TreeSet<>(research.defaultSources());
        if (research.configuredSources().contains(SourceKind.LOCAL)) {
            sources.add(SourceKind.LOCAL);
        }
        Map<String, ResearchResponse> answers = new ConcurrentHashMap<>();
        List<SourceWarning> warnings = new CopyOnWriteArrayList<>();
        List<Runnable> searches = new ArrayList<>();
        for (String query : queries) {
            searches.add(() -> {
                try {
                    ResearchResponse response =
                            research.search(ResearchQuery.of(query, List.copyOf(sources), RESULTS_PER_QUERY), owner);
                    answers.put(query, response);
                    warnings.addAll(response.warnings());
                } catch (ResearchUnavailable e) {
                    warnings.addAll(e.warnings());
                }
            });
        }
        Parallel.run(searches, queries.size());
        if (answers.isEmpty()) {
            throw new GenerationFailed("research failed, no source answered: " + describe(warnings));
        }
        List<ResearchResult> chosen =
                fuse(queries, answers).stream().limit(count).toList();
        List<SourceText> texts = research.read(chosen, owner);
        if (texts.stream().allMatch(text -> UntrustedText.clean(text.text()).isBlank())) {
            Set<SourceKind> searched = answers.values().stream()
                    .flatMap(a -> a.sources().stream())
                    .collect(Collectors.toCollection(LinkedHashSet::new));
            throw new NoSourcesFound("research found no sources for '" + subject + "' (searched: "
                    + searched.stream().map(SourceKind::id).collect(Collectors.joining(", "))
                    + "). Add documents to the library (the library folder, or POST /api/v1/library/documents)"
                    + " or configure a search API (SERPAPI_API_KEY, TAVILY_API_KEY, EXA_API_KEY).");
        }
        if (!warnings.isEmpty()) {
            log.warn("Research for '{}' went on without some sources: {}", subject, describe(warnings));
        }
        return texts;
    }

    /** Reciprocal-rank fusion across the queries' answers, one entry per page. */
    public static List<ResearchResult> fuse(List<String> queries, Map<String, ResearchResponse> answers) {
        Map<String, ResearchResult> first = new LinkedHashMap<>();
        Map<String, Double> scores = new LinkedHashMap<>();
        Map<String, Set<SourceKind>> foundBy = new LinkedHashMap<>();
        for (String query : queries) {
            ResearchResponse answer = answers.get(query);
            if (answer == null) {
                continue;
            }
            List<ResearchResult> results = answer.results();
            for (int position = 0; position < results.size(); position++) {
                ResearchResult result = results.get(position);
                String key = Urls.key(result.url());
                first.putIfAbsent(key, result);
                scores.merge(key, 1.0 / (FUSION_K + position + 1), Double::sum);
                foundBy.computeIfAbsent(key, k -> new LinkedHashSet<>()).addAll(result.sources());
            }
        }
        return first.entrySet().stream()
                .sorted(Comparator.comparingDouble((Map.Entry<String, ResearchResult> e) -> scores.get(e.getKey()))
                        .reversed())
                .map(e -> {
                    ResearchResult result = e.getValue();
                    return new ResearchResult(
                            result.title(),
                            result.url(),
                            result.snippet(),
                            List.copyOf(foundBy.get(e.getKey())),
                            scores.get(e.getKey()),
                            result.publishedDate());
                })
                .toList();
    }

    private static String describe(List<SourceWarning> warnings) {
        return warnings.stream()
                .map(w -> w.source() + ": " + w.message())
                .distinct()
                .collect(Collectors.joining("; "));
    }
}
