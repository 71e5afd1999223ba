package dev.quillstream.generation.blog;

import static dev.quillstream.llm.JsonSchemas.arrayOf;
import static dev.quillstream.llm.JsonSchemas.object;
import static dev.quillstream.llm.JsonSchemas.string;

import dev.quillstream.generation.support.Prompts;
import dev.quillstream.generation.support.StructuredAsk;
import dev.quillstream.llm.ChatMessage;
import dev.quillstream.llm.ModelException.MalformedOutput;
import dev.quillstream.llm.ModelRequest;
import dev.quillstream.llm.ModelTier;
import dev.quillstream.llm.ResponseSchema;
import dev.quillstream.llm.StructuredOutput;
import dev.quillstream.research.ResearchQuery;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Plans the research of a post: {@value #QUERIES} search queries from its topic and keywords,
 * through structured output. The topic with its keywords is always searched too, so a model that
 * plans badly still leaves one sound query (each query costs a search on every source).
 */
final class ResearchPlanStep implements BlogStep {

    static final int QUERIES = 3;

    /** The planned queries, as the structured output returns them. */
    record Plan(List<String> queries) {
        Plan {
            queries = queries == null ? List.of() : List.copyOf(queries);
        }
    }

    @Override
    public String name() {
        return "research-plan";
    }

    @Override
    public boolean appliesTo(BlogRun run) {
        return run.request.research();
    }

    @Override
    public void run(BlogRun run) {
        Plan plan;
        try {
            plan = StructuredAsk.ask(run.model, request(run), Plan.class, ResearchPlanStep::problems);
        } catch (MalformedOutput failure) {
            plan = lenient(failure);
        }
        run.draft.researchQueries = queries(run, plan);
    }

    static List<String> problems(Plan plan) {
        List<String> problems = new ArrayList<>();
        if (plan.queries().stream().filter(q -> q != null && !q.isBlank()).count() < QUERIES) {
            problems.add("return exactly " + QUERIES + " non-empty search queries");
        }
        plan.queries().stream()
                .filter(q -> q != null && q.length() > ResearchQuery.MAX_QUERY_LENGTH)
                .forEach(q -> problems.add("a query is longer than " + ResearchQuery.MAX_QUERY_LENGTH + " characters"));
        return problems;
    }

    /** The topic with its keywords, then the model's queries; blank, overlong and repeated ones dropped. */
    static List<String> queries(BlogRun run, Plan plan) {
        Map<String, String> distinct = new LinkedHashMap<>();
        List<String> candidates = new ArrayList<>();
        String topicQuery = (run.request.topic() + " " + String.join(" ", run.request.keywords())).strip();
        candidates.add(topicQuery.length() <= ResearchQuery.MAX_QUERY_LENGTH ? topicQuery : run.request.topic());
        candidates.addAll(plan.queries());
        for (String candidate : candidates) {
            if (candidate == null) {
                continue;
            }
            String query = candidate.strip().replaceAll("\\s+", " ");
            if (!query.isEmpty() && query.length() <= ResearchQuery.MAX_QUERY_LENGTH) {
                distinct.putIfAbsent(query.toLowerCase(Locale.ROOT), query);
            }
        }
        return distinct.values().stream().limit(QUERIES + 1).toList();
    }

    private static Plan lenient(MalformedOutput failure) {
        try {
            return StructuredOutput.bindLeniently(failure, Plan.class);
        } catch (MalformedOutput unusable) {
            return new Plan(List.of());
        }
    }

    private static ModelRequest request(BlogRun run) {
        Map<String, String> variables = run.promptVariables();
        variables.put("queries", Integer.toString(QUERIES));
        return ModelRequest.of(
                        ModelTier.FAST,
                        List.of(
                                ChatMessage.system(Prompts.render("blog/system", variables)),
                                ChatMessage.user(Prompts.render("blog/research-plan", variables))))
                .withSchema(schema())
                .withTemperature(0.3)
                .withHints(run.hints("research-plan", run.request.topic(), 0));
    }

    static ResponseSchema schema() {
        return new ResponseSchema(
                "blog_research_plan",
                object(
                        "queries",
                        arrayOf(
                                string("a web search query, a few words, no operators"),
                                QUERIES,
                                "search queries that together cover the post")));
    }
}
