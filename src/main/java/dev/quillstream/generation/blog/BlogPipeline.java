package dev.quillstream.generation.blog;

import dev.quillstream.content.BlogPost;
import dev.quillstream.content.ContentStore;
import dev.quillstream.generation.BlogCheckpoints;
import dev.quillstream.generation.BlogRequest;
import dev.quillstream.generation.BlogWriter;
import dev.quillstream.generation.BudgetExceeded;
import dev.quillstream.generation.GenerationListener;
import dev.quillstream.llm.TextModel;
import dev.quillstream.research.Research;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * [research-plan → research] → outline → sections (parallel) → framing (introduction, conclusion,
 * FAQ) → [proofread] → [humanize] → SEO metadata → assemble → validate → SEO review (analyze,
 * targeted repairs). Each step is timed and announced to the listener; the bracketed ones run when
 * the request asks. A researched post's sections are written from the passages relevant to each,
 * and assembly validates its citations.
 */
@Component
public class BlogPipeline implements BlogWriter {

    private final TextModel model;
    private final int parallelism;
    private final @Nullable Research research;
    private final @Nullable RelatedPosts related;
    private final @Nullable String siteUrl;

    @Autowired
    BlogPipeline(
            TextModel model,
            ObjectProvider<ContentStore> contents,
            ObjectProvider<Research> research,
            @Value("${quillstream.generation.parallelism:4}") int parallelism,
            @Value("${quillstream.site-url:}") String siteUrl) {
        this.model = model;
        this.parallelism = parallelism;
        this.research = research.getIfAvailable();
        ContentStore store = contents.getIfAvailable();
        this.related = store == null ? null : new RelatedPosts(store);
        this.siteUrl = siteUrl.isBlank() ? null : siteUrl;
    }

    BlogPipeline(TextModel model, int parallelism) {
        this(model, parallelism, null);
    }

    BlogPipeline(TextModel model, int parallelism, @Nullable Research research) {
        this.model = model;
        this.parallelism = parallelism;
        this.research = research;
        this.related = null;
        this.siteUrl = null;
    }

    @Override
    public BlogPost write(
            BlogRequest request, @Nullable UUID owner, GenerationListener listener, BlogCheckpoints checkpoints) {
        BlogRun run = new BlogRun(request, model, listener, parallelism, research, owner, checkpoints);
        List<BlogStep> steps =
                steps(request).stream().filter(step -> step.appliesTo(run)).toList();
        run.stepCount = steps.size();
        try {
            checkpoints.saved().ifPresent(state -> DraftState.restore(state, run));
            if (request.maxCostUsd() != null) {
                double estimate = CostEstimate.of(run);
                if (estimate > request.maxCostUsd()) {
                    throw BudgetExceeded.estimated(estimate, request.maxCostUsd());
                }
            }
            for (int i = 0; i < steps.size(); i++) {
                BlogStep step = steps.get(i);
                run.enter(step.name(), i);
                if (run.doneSteps.contains(step.name())) {
                    continue; // restored from a checkpoint: its model calls are not made again
                }
                listener.stepStarted(step.name(), i + 1, steps.size());
                long started = System.nanoTime();
                step.run(run);
                Duration took = Duration.ofNanos(System.nanoTime() - started);
                run.timingsMs.put(step.name(), took.toMillis());
                if (DraftState.RESUMABLE_STEPS.contains(step.name())) {
                    run.doneSteps.add(step.name());
                    run.checkpoint(step.name(), 0, 0);
                }
                listener.stepFinished(step.name(), i + 1, steps.size(), took);
            }
            // The last steps' timings exist only now: assemble once more so the stored metadata has them.
            new AssembleStep().run(run);
            return run.draft.post;
        } finally {
            listener.usageRecorded(run.usage());
        }
    }

    private List<BlogStep> steps(BlogRequest request) {
        AssembleStep assemble = new AssembleStep();
        List<BlogStep> steps = new ArrayList<>(List.of(
                new ResearchPlanStep(),
                new GatherSourcesStep(),
                new OutlineStep(),
                new SectionsStep(),
                new FramingStep()));
        if (request.proofread()) {
            steps.add(EditingStep.proofread());
        }
        if (request.humanize()) {
            steps.add(EditingStep.humanize());
        }
        steps.addAll(List.of(
                new SeoMetadataStep(),
                assemble,
                new ValidateStep(assemble),
                new SeoReviewStep(assemble, related, siteUrl)));
        return steps;
    }
}
