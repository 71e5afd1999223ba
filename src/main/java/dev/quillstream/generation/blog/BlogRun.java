package dev.quillstream.generation.blog;

import dev.quillstream.content.BlogMetadata;
import dev.quillstream.generation.BlogCheckpoints;
import dev.quillstream.generation.BlogRequest;
import dev.quillstream.generation.GenerationListener;
import dev.quillstream.generation.UsageSum;
import dev.quillstream.generation.support.ModelHints;
import dev.quillstream.generation.support.RunModel;
import dev.quillstream.llm.TextModel;
import dev.quillstream.llm.UsageMeter;
import dev.quillstream.research.Research;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/** One execution of the pipeline: the request, the metered model, the listener and the draft. */
final class BlogRun {

    final BlogRequest request;
    final BlogShape shape;
    final UsageMeter meter = new UsageMeter();
    final TextModel model;
    final GenerationListener listener;
    final int parallelism;
    final BlogDraft draft = new BlogDraft();
    final Map<String, Long> timingsMs = new LinkedHashMap<>();
    /** Where research comes from; null where research is not available (the CLI has no database). */
    final @Nullable Research research;
    /**
     * The account the post is written for: its uploaded library documents are research sources and its
     * earlier posts internal-link suggestions; null in the CLI, where there is no account.
     */
    final @Nullable UUID owner;

    BlogRun(BlogRequest request, TextModel model, GenerationListener listener, int parallelism) {
        this(request, model, listener, parallelism, null, null);
    }

    BlogRun(
            BlogRequest request,
            TextModel model,
            GenerationListener listener,
            int parallelism,
            @Nullable Research research,
            @Nullable UUID owner) {
        this(request, model, listener, parallelism, research, owner, BlogCheckpoints.NONE);
    }

    BlogRun(
            BlogRequest request,
            TextModel model,
            GenerationListener listener,
            int parallelism,
            @Nullable Research research,
            @Nullable UUID owner,
            BlogCheckpoints checkpoints) {
        this.checkpoints = checkpoints;
        this.research = research;
        this.request = request;
        this.owner = owner;
        this.shape = BlogShape.forWords(request.targetWords());
        this.model =
                new RunModel(model, meter, request.maxCostUsd(), request.cacheAllowed(), checkpoints::beforeModelCall);
        this.listener = listener;
        this.parallelism = parallelism;
    }

    /** Where the run's progress is saved, and what stops it. */
    final BlogCheckpoints checkpoints;
    /** Steps whose results were saved (this attempt or an earlier one): skipped on resume. */
    final Set<String> doneSteps = ConcurrentHashMap.newKeySet();
    /** What earlier attempts of this run spent, from the checkpoint. */
    BlogMetadata.@Nullable Usage earlierUsage;

    int stepIndex;
    int stepCount = 1;
    private volatile String currentStep = "";

    String currentStep() {
        return currentStep;
    }

    void enter(String step, int index) {
        this.currentStep = step;
        this.stepIndex = index;
    }

    /** Everything the run spent, earlier attempts included. */
    BlogMetadata.Usage usage() {
        BlogMetadata.Usage now = AssembleStep.usage(meter.snapshot());
        return earlierUsage == null ? now : UsageSum.plus(earlierUsage, now);
    }

    /**
     * Saves the draft: called after each resumable step and each written subtopic ({@code done} of
     * {@code of} parts of the current step). Serialised, since parallel subtopics finish together.
     */
    synchronized void checkpoint(String step, int done, int of) {
        double within = of == 0 ? 1 : (double) done / of;
        int progress = (int) Math.round(100.0 * (stepIndex + within) / Math.max(1, stepCount));
        checkpoints.save(step, Math.min(99, progress), DraftState.of(this));
    }

    /** Hints every request of this run carries, for the offline model; {@code subject} and {@code kind} vary. */
    Map<String, String> hints(String kind, String subject, int words) {
        return ModelHints.of(request.topic(), request.keywords(), kind, subject, words);
    }

    /** Variables every prompt of this run may use. */
    Map<String, String> promptVariables() {
        Map<String, String> variables = new LinkedHashMap<>();
        variables.put("topic", request.topic());
        variables.put(
                "keywords", request.keywords().isEmpty() ? "(none given)" : String.join(", ", request.keywords()));
        variables.put(
                "primary_keyword",
                request.keywords().isEmpty()
                        ? request.topic()
                        : request.keywords().getFirst());
        variables.put("tone", request.tone().id());
        variables.put("tone_guidance", request.tone().guidance());
        variables.put("language", request.language());
        return variables;
    }

    List<Outline.Section> sections() {
        if (draft.outline == null) {
            throw new IllegalStateException("the outline step has not run");
        }
        return draft.outline.sections();
    }
}
