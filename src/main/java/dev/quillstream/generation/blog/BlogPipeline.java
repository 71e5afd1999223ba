package dev.quillstream.generation.blog;

import dev.quillstream.content.BlogPost;
import dev.quillstream.generation.BlogRequest;
import dev.quillstream.generation.BlogWriter;
import dev.quillstream.generation.BudgetExceeded;
import dev.quillstream.generation.GenerationListener;
import dev.quillstream.llm.TextModel;
import java.time.Duration;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * outline → sections (parallel) → framing (introduction, conclusion, FAQ) → SEO metadata →
 * assemble → validate. Each step is timed and announced to the listener.
 */
@Component
public class BlogPipeline implements BlogWriter {

    private final TextModel model;
    private final int parallelism;
    private final List<BlogStep> steps;

    BlogPipeline(TextModel model, @Value("${quillstream.generation.parallelism:4}") int parallelism) {
        this.model = model;
        this.parallelism = parallelism;
        AssembleStep assemble = new AssembleStep();
        this.steps = List.of(
                new OutlineStep(),
                new SectionsStep(),
                new FramingStep(),
                new SeoMetadataStep(),
                assemble,
                new ValidateStep(assemble));
    }

    @Override
    public BlogPost write(BlogRequest request, GenerationListener listener) {
        BlogRun run = new BlogRun(request, model, listener, parallelism);
        try {
            if (request.maxCostUsd() != null) {
                double estimate = CostEstimate.of(run);
                if (estimate > request.maxCostUsd()) {
                    throw BudgetExceeded.estimated(estimate, request.maxCostUsd());
                }
            }
            for (int i = 0; i < steps.size(); i++) {
                BlogStep step = steps.get(i);
                listener.stepStarted(step.name(), i + 1, steps.size());
                long started = System.nanoTime();
                step.run(run);
                Duration took = Duration.ofNanos(System.nanoTime() - started);
                run.timingsMs.put(step.name(), took.toMillis());
                listener.stepFinished(step.name(), i + 1, steps.size(), took);
            }
            // The timings of assemble and validate exist only now: put them in the stored metadata.
            new AssembleStep().run(run);
            return run.draft.post;
        } finally {
            listener.usageRecorded(AssembleStep.usage(run.meter.snapshot()));
        }
    }

    /** The step names, in order, for progress displays. */
    public List<String> stepNames() {
        return steps.stream().map(BlogStep::name).toList();
    }
}
