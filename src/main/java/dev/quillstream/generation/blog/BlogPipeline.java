package dev.quillstream.generation.blog;

import dev.quillstream.content.BlogPost;
import dev.quillstream.generation.BlogRequest;
import dev.quillstream.generation.BlogWriter;
import dev.quillstream.generation.GenerationListener;
import dev.quillstream.llm.TextModel;
import dev.quillstream.research.Research;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * outline → sections (parallel) → framing (introduction, conclusion, FAQ) → SEO metadata →
 * assemble → validate. Each step is timed and announced to the listener. A researched post first
 * plans search queries and gathers its sources (research-plan → research); its sections are then
 * written from the passages relevant to each, and assembly validates the citations.
 */
@Component
public class BlogPipeline implements BlogWriter {

    private final TextModel model;
    private final int parallelism;
    private final @Nullable Research research;
    private final List<BlogStep> steps;

    @Autowired
    BlogPipeline(
            TextModel model,
            @Value("${quillstream.generation.parallelism:4}") int parallelism,
            ObjectProvider<Research> research) {
        this(model, parallelism, research.getIfAvailable());
    }

    BlogPipeline(TextModel model, int parallelism) {
        this(model, parallelism, (Research) null);
    }

    BlogPipeline(TextModel model, int parallelism, @Nullable Research research) {
        this.model = model;
        this.parallelism = parallelism;
        this.research = research;
        AssembleStep assemble = new AssembleStep();
        this.steps = List.of(
                new ResearchPlanStep(),
                new GatherSourcesStep(),
                new OutlineStep(),
                new SectionsStep(),
                new FramingStep(),
                new SeoMetadataStep(),
                assemble,
                new ValidateStep(assemble));
    }

    @Override
    public BlogPost write(BlogRequest request, GenerationListener listener) {
        return write(request, null, listener);
    }

    @Override
    public BlogPost write(BlogRequest request, @Nullable UUID owner, GenerationListener listener) {
        BlogRun run = new BlogRun(request, model, listener, parallelism, research, owner);
        List<BlogStep> steps =
                this.steps.stream().filter(step -> step.appliesTo(run)).toList();
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
    }

    /** The step names, in order, for progress displays (research-plan and research run only for researched posts). */
    public List<String> stepNames() {
        return steps.stream().map(BlogStep::name).toList();
    }
}
