package dev.quillstream.generation.blog;

import dev.quillstream.generation.GenerationFailed;
import dev.quillstream.generation.NoSourcesFound;
import dev.quillstream.generation.grounding.Grounding;
import dev.quillstream.generation.support.Parallel;
import dev.quillstream.research.Research;
import dev.quillstream.research.ResearchQuery;
import dev.quillstream.research.ResearchResponse;
import dev.quillstream.research.ResearchResult;
import dev.quillstream.research.ResearchUnavailable;
import dev.quillstream.research.SourceKind;
import dev.quillstream.research.SourceText;
import dev.quillstream.research.SourceWarning;
import dev.quillstream.research.Urls;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gathers a post's sources: every planned query is put to the default sources and the caller's
 * library (the user's own documents count wherever there are any), in parallel; the
 * answers are fused (a page several queries found ranks higher), the best few are read (pages
 * fetched, library documents loaded), numbered and split into cleaned passages. With no usable
 * source the post is refused rather than written unresearched.
 */
final class GatherSourcesStep implements BlogStep {

    private static final Logger log = LoggerFactory.getLogger(GatherSourcesStep.class);
    static final int RESULTS_PER_QUERY = 8;
    private static final int FUSION_K = 60;

    @Override
    public String name() {
        return "research";
    }

    @Override
    public boolean appliesTo(BlogRun run) {
        return run.request.research();
    }

    @Override
    public void run(BlogRun run) {
        Research research = run.research;
        if (research == null) {
            throw new GenerationFailed("research is not available here: it needs the server (its database holds the"
                    + " library); write researched posts through the API");
        }
        List<String> queries =
                run.draft.researchQueries.isEmpty() ? List.of(run.request.topic()) : run.draft.researchQueries;
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
                    ResearchResponse response = research.search(
                            ResearchQuery.of(query, List.copyOf(sources), RESULTS_PER_QUERY), run.owner);
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
                fuse(queries, answers).stream().limit(sourceCount(run.shape)).toList();
        List<SourceText> texts = research.read(chosen, run.owner);
        Grounding grounding = Grounding.of(texts);
        if (grounding.isEmpty()) {
            Set<SourceKind> searched = answers.values().stream()
                    .flatMap(a -> a.sources().stream())
                    .collect(Collectors.toCollection(LinkedHashSet::new));
            throw new NoSourcesFound("research found no sources for '" + run.request.topic() + "' (searched: "
                    + searched.stream().map(SourceKind::id).collect(Collectors.joining(", "))
                    + "). Add documents to the library (the library folder, or POST /api/v1/library/documents)"
                    + " or configure a search API (SERPAPI_API_KEY, TAVILY_API_KEY, EXA_API_KEY).");
        }
        if (!warnings.isEmpty()) {
            log.warn("Research for '{}' went on without some sources: {}", run.request.topic(), describe(warnings));
        }
        run.draft.grounding = grounding;
    }

    /** Sources per post: about two per body section, within 6..12. */
    static int sourceCount(BlogShape shape) {
        return Math.clamp(shape.sections() * 2L, 6, 12);
    }

    /** Reciprocal-rank fusion across the queries' answers, one entry per page. */
    static List<ResearchResult> fuse(List<String> queries, Map<String, ResearchResponse> answers) {
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
