package dev.quillstream.generation.blog;

import dev.quillstream.content.BlogMetadata;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A run's draft as a checkpoint: the results of the steps that call the model for the draft's
 * content (research plan, outline, each subtopic, framing, edits, SEO metadata), the steps done,
 * the timings and the usage so far. The research sources themselves are not kept: a resumed
 * researched run gathers them again (from the research cache, normally) with the saved queries.
 * The final steps (assembly, validation, SEO review) always run again: they are cheap or must see
 * the finished post.
 */
final class DraftState {

    static final Set<String> RESUMABLE_STEPS =
            Set.of("research-plan", "outline", SectionsStep.NAME, "framing", "proofread", "humanize", "seo");

    private static final JsonMapper JSON = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .build();

    private DraftState() {}

    static JsonNode of(BlogRun run) {
        BlogDraft draft = run.draft;
        ObjectNode state = JSON.createObjectNode();
        state.put("version", 1);
        state.set("done_steps", JSON.valueToTree(List.copyOf(run.doneSteps)));
        state.set("research_queries", JSON.valueToTree(draft.researchQueries));
        state.set("outline", JSON.valueToTree(draft.outline));
        state.set("subtopics", JSON.valueToTree(Map.copyOf(draft.subtopicTexts)));
        state.set("framing", JSON.valueToTree(draft.framing));
        state.set("seo", JSON.valueToTree(draft.seo));
        state.set("editing", JSON.valueToTree(List.copyOf(draft.editing)));
        state.set("timings_ms", JSON.valueToTree(Map.copyOf(run.timingsMs)));
        state.set("usage", JSON.valueToTree(run.usage()));
        return state;
    }

    static void restore(JsonNode state, BlogRun run) {
        BlogDraft draft = run.draft;
        draft.researchQueries = read(state.path("research_queries"), new TypeReference<List<String>>() {}, List.of());
        draft.outline = read(state.path("outline"), new TypeReference<Outline>() {}, null);
        draft.subtopicTexts.putAll(
                read(state.path("subtopics"), new TypeReference<Map<String, String>>() {}, Map.of()));
        draft.framing = read(state.path("framing"), new TypeReference<BlogDraft.Framing>() {}, null);
        draft.seo = read(state.path("seo"), new TypeReference<BlogDraft.SeoMetadata>() {}, null);
        draft.editing.addAll(
                read(state.path("editing"), new TypeReference<List<BlogMetadata.EditPass>>() {}, List.of()));
        run.timingsMs.putAll(read(state.path("timings_ms"), new TypeReference<Map<String, Long>>() {}, Map.of()));
        run.earlierUsage = read(state.path("usage"), new TypeReference<BlogMetadata.Usage>() {}, null);
        List<String> done = read(state.path("done_steps"), new TypeReference<List<String>>() {}, List.of());
        // A step counts as done only if what it produced was restored.
        for (String step : done) {
            boolean restored = switch (step) {
                case "outline" -> draft.outline != null;
                case "framing" -> draft.framing != null;
                case "seo" -> draft.seo != null;
                default -> true;
            };
            if (restored && RESUMABLE_STEPS.contains(step)) {
                run.doneSteps.add(step);
            }
        }
    }

    private static <T> T read(JsonNode node, TypeReference<T> type, T absent) {
        return node.isMissingNode() || node.isNull() ? absent : JSON.treeToValue(node, JSON.constructType(type));
    }
}
