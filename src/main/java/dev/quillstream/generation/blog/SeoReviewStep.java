package dev.quillstream.generation.blog;

import static dev.quillstream.llm.JsonSchemas.object;
import static dev.quillstream.llm.JsonSchemas.string;

import dev.quillstream.generation.support.EditInvariants;
import dev.quillstream.generation.support.MarkdownText;
import dev.quillstream.generation.support.Parallel;
import dev.quillstream.generation.support.Prompts;
import dev.quillstream.generation.support.StructuredAsk;
import dev.quillstream.llm.ChatMessage;
import dev.quillstream.llm.ModelException;
import dev.quillstream.llm.ModelRequest;
import dev.quillstream.llm.ModelTier;
import dev.quillstream.llm.ResponseSchema;
import dev.quillstream.seo.Keywords;
import dev.quillstream.seo.SeoAnalyzer;
import dev.quillstream.seo.SeoCheck;
import dev.quillstream.seo.SeoMarkup;
import dev.quillstream.seo.SeoReport;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Measures the assembled post with the {@link SeoAnalyzer} and repairs what fails with targeted
 * rewrites of the failing part only — the title, the meta description, one paragraph — never a
 * whole regeneration, at most {@value #ROUNDS} rounds. The final report, with the page markup,
 * goes into {@code metadata.seo}: every post either passes or says which checks failed and why.
 */
final class SeoReviewStep implements BlogStep {

    static final int ROUNDS = 2;
    private static final Pattern INNER_HEADING = Pattern.compile("(?m)^#{1,6}\\s+(.+?)\\s*#*$");
    private static final Set<String> READABILITY =
            Set.of("flesch_reading_ease", "sentence_length", "paragraph_length", "passive_voice", "transition_words");

    private final SeoAnalyzer analyzer = new SeoAnalyzer();
    private final SeoMarkup markup = new SeoMarkup();
    private final AssembleStep assemble;
    private final @Nullable RelatedPosts related;
    private final @Nullable String siteUrl;

    SeoReviewStep(AssembleStep assemble, @Nullable RelatedPosts related, @Nullable String siteUrl) {
        this.assemble = assemble;
        this.related = related;
        this.siteUrl = siteUrl;
    }

    @Override
    public String name() {
        return "seo-review";
    }

    @Override
    public void run(BlogRun run) {
        if (related != null) {
            related.suggest(run);
        }
        SeoReport report = analyze(run);
        for (int round = 0; round < ROUNDS && !report.passed(); round++) {
            List<Runnable> repairs = plan(run, report.failed());
            if (repairs.isEmpty()) {
                break;
            }
            Parallel.run(repairs, run.parallelism);
            assemble.run(run);
            report = analyze(run);
        }
        var post = run.draft.post;
        var data = markup.markup(PostSeo.document(post, run), siteUrl, post.date(), post.image());
        run.draft.seoReport = PostSeo.summary(report, data, run);
        assemble.run(run);
    }

    private SeoReport analyze(BlogRun run) {
        return analyzer.analyze(PostSeo.document(run.draft.post, run));
    }

    /** One repair per failing part; checks that no rewrite can fix (FAQ, images, links) are only reported. */
    private List<Runnable> plan(BlogRun run, List<SeoCheck> failed) {
        Map<String, Runnable> repairs = new LinkedHashMap<>();
        String keyword = SeoMetadataStep.primaryKeyword(run);
        for (SeoCheck check : failed) {
            String id = check.id();
            if (id.startsWith("title_")) {
                repairs.putIfAbsent("title", () -> rewriteTitle(run, failed));
            } else if (id.startsWith("meta_description_")) {
                repairs.putIfAbsent("meta_description", () -> rewriteDescription(run, failed));
            } else if (id.equals("slug")) {
                repairs.putIfAbsent("slug", () -> {
                    run.draft.seo =
                            run.draft.seo.withSlug(SeoMetadataStep.slugWithKeyword(run.draft.seo.slug(), keyword));
                    run.draft.seoRepairs.add("slug: made valid with the primary keyword");
                });
            } else if (id.equals("single_h1") || id.equals("heading_hierarchy")) {
                repairs.putIfAbsent("headings", () -> demoteInnerHeadings(run));
            } else if (id.equals("keyword_in_introduction")) {
                repairs.putIfAbsent(
                        "introduction",
                        () -> rewriteFraming(
                                run,
                                true,
                                "Use the primary keyword \"" + keyword + "\" naturally in the first sentence."));
            } else if (id.equals("keyword_in_conclusion")) {
                repairs.putIfAbsent(
                        "conclusion",
                        () -> rewriteFraming(
                                run, false, "Mention the primary keyword \"" + keyword + "\" naturally once."));
            } else if (id.equals("keyword_in_subheading")) {
                repairs.putIfAbsent("subheading", () -> renameSection(run, keyword));
            } else if (id.startsWith("keyword_density:")) {
                String term = check.id().substring("keyword_density:".length());
                boolean tooLow = check.hint().contains("more often");
                String key = densityTarget(run, term, tooLow);
                repairs.putIfAbsent(
                        key,
                        () -> rewriteSubtopic(
                                run,
                                key,
                                tooLow
                                        ? "Use \"" + term + "\" two or three times where it reads naturally."
                                        : "Use \"" + term
                                                + "\" at most once; refer to it with synonyms or pronouns otherwise.",
                                !tooLow));
            } else if (READABILITY.contains(id)) {
                for (String key : hardestToRead(run)) {
                    repairs.putIfAbsent(
                            key,
                            () -> rewriteSubtopic(
                                    run,
                                    key,
                                    "Make it easier to read: sentences under 20 words, active voice, paragraphs of 2-4 sentences,"
                                            + " and transition words (for example, however, because, then) between ideas.",
                                    false));
                }
            } else if (id.equals("related_terms")) {
                String key = BlogDraft.key(0, 0);
                repairs.putIfAbsent(
                        key,
                        () -> rewriteSubtopic(
                                run,
                                key,
                                "Where it fits, use these related terms: "
                                        + String.join(", ", run.draft.seo.relatedTerms()) + ".",
                                false));
            }
        }
        return new ArrayList<>(repairs.values());
    }

    private void rewriteTitle(BlogRun run, List<SeoCheck> failed) {
        String reason = failed.stream()
                .filter(c -> c.id().startsWith("title_"))
                .map(c -> c.name() + ": " + c.value())
                .toList()
                .toString();
        String keyword = SeoMetadataStep.primaryKeyword(run);
        ModelRequest request = structured(
                run,
                "seo-title",
                Map.of("current", run.draft.seo.title(), "problem", reason),
                new ResponseSchema(
                        "seo_title",
                        object(
                                "title",
                                string(SeoAnalyzer.TITLE_MIN + "-" + SeoAnalyzer.TITLE_MAX
                                        + " characters, starting with \"" + keyword + "\""))));
        try {
            Title title = StructuredAsk.ask(run.model, request, Title.class, t -> List.of());
            run.draft.seo = run.draft.seo.withTitle(MarkdownText.shorten(title.title(), SeoAnalyzer.TITLE_MAX));
            run.draft.seoRepairs.add("title: rewritten (" + reason + ")");
        } catch (ModelException.MalformedOutput e) {
            run.draft.seoRepairs.add("title: rewrite failed (" + e.getMessage() + ")");
        }
    }

    private void rewriteDescription(BlogRun run, List<SeoCheck> failed) {
        String reason = failed.stream()
                .filter(c -> c.id().startsWith("meta_description_"))
                .map(c -> c.name() + ": " + c.value())
                .toList()
                .toString();
        ModelRequest request = structured(
                run,
                "seo-description",
                Map.of("current", run.draft.seo.metaDescription(), "problem", reason),
                new ResponseSchema(
                        "seo_description",
                        object(
                                "meta_description",
                                string(SeoAnalyzer.DESCRIPTION_MIN + "-" + SeoAnalyzer.DESCRIPTION_MAX
                                        + " characters, with the primary keyword"))));
        try {
            Description description = StructuredAsk.ask(run.model, request, Description.class, d -> List.of());
            run.draft.seo = run.draft.seo.withMetaDescription(
                    MarkdownText.shorten(description.metaDescription(), SeoAnalyzer.DESCRIPTION_MAX));
            run.draft.seoRepairs.add("meta description: rewritten (" + reason + ")");
        } catch (ModelException.MalformedOutput e) {
            run.draft.seoRepairs.add("meta description: rewrite failed (" + e.getMessage() + ")");
        }
    }

    private void renameSection(BlogRun run, String keyword) {
        List<Outline.Section> sections = new ArrayList<>(run.sections());
        int target = 0;
        int best = -1;
        for (int i = 0; i < sections.size(); i++) {
            int uses = 0;
            for (int j = 0; j < sections.get(i).subtopics().size(); j++) {
                uses += Keywords.occurrences(run.draft.subtopicTexts.getOrDefault(BlogDraft.key(i, j), ""), keyword);
            }
            if (uses > best) {
                best = uses;
                target = i;
            }
        }
        Outline.Section section = sections.get(target);
        ModelRequest request = structured(
                run,
                "seo-heading",
                Map.of("current", section.title()),
                new ResponseSchema(
                        "seo_heading", object("title", string("the new H2 heading, with \"" + keyword + "\""))));
        try {
            Heading heading = StructuredAsk.ask(
                    run.model,
                    request,
                    Heading.class,
                    h -> Keywords.occurrences(h.title(), keyword) > 0
                            ? List.of()
                            : List.of("the heading must contain \"" + keyword + "\""));
            sections.set(target, new Outline.Section(heading.title().strip(), section.subtopics()));
            run.draft.outline = new Outline(run.draft.outline.title(), sections);
            run.draft.seoRepairs.add("heading of section " + (target + 1) + ": rewritten to carry the primary keyword");
        } catch (ModelException.MalformedOutput e) {
            run.draft.seoRepairs.add("section heading: rewrite failed (" + e.getMessage() + ")");
        }
    }

    private void rewriteFraming(BlogRun run, boolean introduction, String instruction) {
        BlogDraft.Framing framing = run.draft.framing;
        String original = introduction ? framing.introduction() : framing.conclusion();
        rewriteText(
                run,
                introduction ? "introduction" : "conclusion",
                original,
                instruction,
                false,
                text -> run.draft.framing = introduction
                        ? new BlogDraft.Framing(text, run.draft.framing.conclusion(), run.draft.framing.faq())
                        : new BlogDraft.Framing(run.draft.framing.introduction(), text, run.draft.framing.faq()));
    }

    private void rewriteSubtopic(BlogRun run, String key, String instruction, boolean mayDropKeywords) {
        rewriteText(
                run,
                "subtopic " + key,
                run.draft.subtopicTexts.get(key),
                instruction,
                mayDropKeywords,
                text -> run.draft.subtopicTexts.put(key, text));
    }

    /** A targeted rewrite of one part, kept only when it keeps the part's citations and headings. */
    private void rewriteText(
            BlogRun run,
            String part,
            String original,
            String instruction,
            boolean mayDropKeywords,
            Consumer<String> accept) {
        Map<String, String> variables = run.promptVariables();
        variables.put("instruction", instruction);
        variables.put("text", original);
        Map<String, String> hints = new HashMap<>(run.hints("seo-rewrite", run.request.topic(), 0));
        hints.put("original", original);
        ModelRequest request = ModelRequest.of(
                        ModelTier.SMART,
                        List.of(
                                ChatMessage.system(Prompts.render("blog/system", variables)),
                                ChatMessage.user(Prompts.render("blog/seo-rewrite", variables))))
                .withHints(hints);
        String rewrite =
                MarkdownText.withoutLeadingHeading(run.model.complete(request).text(), "");
        List<String> broken =
                EditInvariants.problems(original, rewrite, mayDropKeywords ? List.of() : run.request.keywords());
        if (broken.isEmpty()) {
            accept.accept(rewrite);
            run.draft.seoRepairs.add(part + ": rewritten (" + instruction + ")");
        } else {
            run.draft.seoRepairs.add(part + ": rewrite discarded (" + String.join("; ", broken) + ")");
        }
    }

    private static void demoteInnerHeadings(BlogRun run) {
        run.draft.subtopicTexts.replaceAll(
                (key, text) -> INNER_HEADING.matcher(text).replaceAll("**$1**"));
        BlogDraft.Framing f = run.draft.framing;
        run.draft.framing = new BlogDraft.Framing(
                INNER_HEADING.matcher(f.introduction()).replaceAll("**$1**"),
                INNER_HEADING.matcher(f.conclusion()).replaceAll("**$1**"),
                f.faq());
        run.draft.seoRepairs.add("headings inside body text: turned into bold lines");
    }

    private static String densityTarget(BlogRun run, String term, boolean tooLow) {
        Comparator<Map.Entry<String, String>> byUses =
                Comparator.comparingInt(e -> Keywords.occurrences(e.getValue(), term));
        return run.draft.subtopicTexts.entrySet().stream()
                .sorted(
                        tooLow
                                ? byUses.thenComparing(Map.Entry::getKey)
                                : byUses.reversed().thenComparing(Map.Entry::getKey))
                .map(Map.Entry::getKey)
                .findFirst()
                .orElse(BlogDraft.key(0, 0));
    }

    /** The two subtopics with the longest average sentences. */
    private static List<String> hardestToRead(BlogRun run) {
        return run.draft.subtopicTexts.entrySet().stream()
                .sorted(Comparator.comparingDouble((Map.Entry<String, String> e) -> averageSentenceWords(e.getValue()))
                        .reversed()
                        .thenComparing(Map.Entry::getKey))
                .limit(2)
                .map(Map.Entry::getKey)
                .toList();
    }

    private static double averageSentenceWords(String text) {
        String[] sentences = text.split("(?<=[.!?])\\s+");
        return (double) text.split("\\s+").length / Math.max(1, sentences.length);
    }

    record Title(String title) {}

    record Description(String metaDescription) {}

    record Heading(String title) {}

    private static ModelRequest structured(
            BlogRun run, String prompt, Map<String, String> extra, ResponseSchema schema) {
        Map<String, String> variables = run.promptVariables();
        variables.putAll(extra);
        variables.put("title_min", Integer.toString(SeoAnalyzer.TITLE_MIN));
        variables.put("title_max", Integer.toString(SeoAnalyzer.TITLE_MAX));
        variables.put("description_min", Integer.toString(SeoAnalyzer.DESCRIPTION_MIN));
        variables.put("description_max", Integer.toString(SeoAnalyzer.DESCRIPTION_MAX));
        Map<String, String> hints = new HashMap<>(run.hints(prompt, run.request.topic(), 30));
        hints.putAll(SeoMetadataStep.lengthHints(run));
        return ModelRequest.of(
                        ModelTier.FAST,
                        List.of(
                                ChatMessage.system(Prompts.render("blog/system", variables)),
                                ChatMessage.user(Prompts.render("blog/" + prompt, variables))))
                .withSchema(schema)
                .withTemperature(0.4)
                .withHints(hints);
    }
}
