package dev.quillstream.generation.job;

import dev.quillstream.content.BlogPost;
import dev.quillstream.content.ContentStore;
import dev.quillstream.conversation.Conversations;
import dev.quillstream.generation.GenerationFailed;
import dev.quillstream.generation.UsageSum;
import dev.quillstream.generation.support.Prompts;
import dev.quillstream.jobs.JobContext;
import dev.quillstream.jobs.JobHandler;
import dev.quillstream.jobs.JobOutcome;
import dev.quillstream.llm.ChatMessage;
import dev.quillstream.llm.ModelException;
import dev.quillstream.llm.ModelRequest;
import dev.quillstream.llm.ModelTier;
import dev.quillstream.llm.TextModel;
import dev.quillstream.llm.TokenListener;
import dev.quillstream.llm.UsageMeter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A user's message on a conversation with a post ({@code "make the introduction shorter"}): rewrites
 * only the part the message names ({@link RevisionTarget}), streamed as tokens, each rewritten
 * subtopic checkpointed, and stores the result as a new version (a new document; the previous
 * version is kept). The conversation then refers to the new version. A conversation about a book
 * rewrites the chapter or section the message names, in place ({@link BookRevisions}).
 */
@Component
class BlogRevisionHandler implements JobHandler {

    private static final String STEP = "revision";

    private final TextModel model;
    private final ContentStore contents;
    private final UsageRecording usage;
    private final JsonMapper json;
    private final BookRevisions books;

    BlogRevisionHandler(
            TextModel model, ContentStore contents, UsageRecording usage, JsonMapper json, BookRevisions books) {
        this.books = books;
        this.model = model;
        this.contents = contents;
        this.usage = usage;
        this.json = json;
    }

    @Override
    public String kind() {
        return Conversations.REVISION_JOB;
    }

    @Override
    public JobOutcome run(JobContext job) {
        UUID contentId = UUID.fromString(job.payload().path("content_id").asString());
        String instruction = job.payload().path("instruction").asString();
        var book = contents.findBook(job.owner(), contentId);
        if (book.isPresent()) {
            // The conversation is about a book: the message names a chapter or a section of it.
            BookRevisionTarget part = BookRevisionTarget.find(book.get(), instruction)
                    .orElseThrow(() -> new GenerationFailed("which part should change? Name a chapter and section"
                            + " (\"rewrite chapter 2 section 1 ...\") or a chapter's or section's title"));
            return books.revise(job, book.get(), part.chapter(), part.section(), instruction);
        }
        BlogPost post = contents.findBlog(job.owner(), contentId)
                .orElseThrow(() -> new GenerationFailed("the post " + contentId + " no longer exists"));
        RevisionTarget target = RevisionTarget.find(post, instruction)
                .orElseThrow(() -> new GenerationFailed("which part should change? Name the introduction, the"
                        + " conclusion, the FAQ or a section's title"));
        ObjectNode revised =
                job.lastCheckpoint().map(state -> (ObjectNode) state.deepCopy()).orElseGet(json::createObjectNode);
        UsageMeter meter = new UsageMeter();
        TextModel metered = model.meteredBy(meter);
        BlogPost.Section section = post.sections().get(target.section());
        UUID stored = null;
        try {
            for (int j : target.subtopics()) {
                String key = Integer.toString(j);
                if (revised.has(key)) {
                    continue; // rewritten by an earlier attempt
                }
                job.throwIfCancelled();
                BlogPost.Subtopic subtopic = section.subtopics().get(j);
                String part = subtopic.title().isBlank() ? section.title() : subtopic.title();
                String text = rewrite(metered, post, part, subtopic.content(), instruction, job);
                revised.put(key, text);
                job.checkpoint(STEP, 100 * revised.size() / (target.subtopics().size() + 1), revised, null);
                job.progress(
                        STEP,
                        100 * revised.size() / (target.subtopics().size() + 1),
                        Map.of("state", "part_finished", "part", part));
            }
            BlogPost version = withRevision(post, target.section(), revised);
            contents.saveBlog(job.owner(), version);
            stored = UUID.fromString(version.id());
            return new JobOutcome(
                    stored,
                    "Revised \"" + target.name() + "\" of \"" + post.title() + "\" (new version " + stored + ").");
        } finally {
            job.usage(json.valueToTree(UsageSum.of(meter.snapshot())));
            usage.record(kind(), job.owner(), job.jobId(), UsageSum.of(meter.snapshot()), stored);
        }
    }

    @Override
    public boolean retryable(Exception failure) {
        return failure instanceof ModelException model ? model.retryable() : !(failure instanceof GenerationFailed);
    }

    private static String rewrite(
            TextModel model, BlogPost post, String part, String original, String instruction, JobContext job) {
        int words = Math.max(30, original.split("\\s+").length);
        String lower = instruction.toLowerCase(Locale.ROOT);
        int target = lower.contains("short") || lower.contains("concise") || lower.contains("trim")
                ? Math.max(30, words / 2)
                : lower.contains("long") || lower.contains("expand") ? words * 3 / 2 : words;
        Map<String, String> variables = new java.util.HashMap<>();
        variables.put("topic", post.title());
        variables.put("part", part);
        variables.put("instruction", instruction);
        variables.put("text", original);
        variables.put("language", post.metadata().language());
        variables.put("tone", post.metadata().tone());
        variables.put("tone_guidance", "");
        ModelRequest request = ModelRequest.of(
                        ModelTier.SMART,
                        List.of(
                                ChatMessage.system(Prompts.render("blog/system", variables)),
                                ChatMessage.user(Prompts.render("blog/revise", variables))))
                .withHints(Map.of(
                        "topic", post.title(),
                        "keywords", String.join(",", post.metadata().keywords()),
                        "kind", "revision",
                        "subject", part,
                        "words", Integer.toString(target)));
        String text = model.stream(request, new TokenListener() {
                    @Override
                    public void onDelta(String delta) {
                        job.token(STEP, part, delta);
                    }
                })
                .text()
                .strip();
        if (text.isEmpty()) {
            throw new GenerationFailed("the model returned no text for " + part);
        }
        return text;
    }

    private static BlogPost withRevision(BlogPost post, int sectionIndex, JsonNode revised) {
        List<BlogPost.Section> sections = new ArrayList<>(post.sections());
        BlogPost.Section section = sections.get(sectionIndex);
        List<BlogPost.Subtopic> subtopics = new ArrayList<>(section.subtopics());
        for (int j = 0; j < subtopics.size(); j++) {
            JsonNode text = revised.get(Integer.toString(j));
            if (text != null) {
                subtopics.set(j, new BlogPost.Subtopic(subtopics.get(j).title(), text.asString()));
            }
        }
        sections.set(sectionIndex, new BlogPost.Section(section.title(), subtopics));
        return new BlogPost(
                UUID.randomUUID().toString(),
                post.title(),
                post.description(),
                post.date(),
                post.image(),
                post.tags(),
                sections,
                post.metadata());
    }
}
