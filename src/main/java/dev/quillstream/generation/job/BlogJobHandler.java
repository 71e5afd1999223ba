package dev.quillstream.generation.job;

import dev.quillstream.content.BlogPost;
import dev.quillstream.content.ContentStore;
import dev.quillstream.generation.BlogRequest;
import dev.quillstream.generation.BlogWriter;
import dev.quillstream.generation.BudgetExceeded;
import dev.quillstream.generation.NoSourcesFound;
import dev.quillstream.jobs.JobContext;
import dev.quillstream.jobs.JobHandler;
import dev.quillstream.jobs.JobOutcome;
import dev.quillstream.llm.ModelException;
import java.util.UUID;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs a blog post as a durable job ({@code kind = "blog"}): the pipeline resumes from the job's
 * checkpoint (outline, each written subtopic, framing, edits, SEO metadata), streams its steps and
 * text as job events, stores the post, and writes what this attempt spent to the usage ledger.
 */
@Component
class BlogJobHandler implements JobHandler {

    static final String KIND = "blog";

    private final BlogWriter writer;
    private final ContentStore contents;
    private final UsageRecording usage;
    private final JsonMapper json;

    BlogJobHandler(BlogWriter writer, ContentStore contents, UsageRecording usage, JsonMapper json) {
        this.writer = writer;
        this.contents = contents;
        this.usage = usage;
        this.json = json;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public JobOutcome run(JobContext job) {
        BlogRequest request = json.treeToValue(job.payload(), BlogRequest.class);
        return JobListener.attempt(job, json, usage, KIND, true, listener -> {
            BlogPost post = writer.write(request, job.owner(), listener, listener);
            contents.saveBlog(job.owner(), post);
            return new JobOutcome(
                    UUID.fromString(post.id()),
                    "Your post \"" + post.title() + "\" is ready (content " + post.id() + ").");
        });
    }

    /** A model failure retries could fix is retried; a refused budget, a bad request or missing sources are not. */
    @Override
    public boolean retryable(Exception failure) {
        if (failure instanceof ModelException model) {
            return model.retryable();
        }
        return !(failure instanceof BudgetExceeded || failure instanceof NoSourcesFound);
    }
}
