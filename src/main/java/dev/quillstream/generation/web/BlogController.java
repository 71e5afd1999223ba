package dev.quillstream.generation.web;

import dev.quillstream.accounts.AccountId;
import dev.quillstream.content.BlogPost;
import dev.quillstream.content.ContentStore;
import dev.quillstream.conversation.Conversations;
import dev.quillstream.generation.BlogRequest;
import dev.quillstream.generation.GenerationFailed;
import dev.quillstream.jobs.Job;
import dev.quillstream.jobs.Jobs;
import dev.quillstream.jobs.NewJob;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/**
 * The seed's {@code POST /api/v1/generate-blog}. Every post is written by a durable job: with
 * {@code async: true} the answer is {@code 202} and the job's location at once; otherwise the same
 * job runs while the request waits, and the answer is the stored post (or the failure as it was).
 */
@RestController
@RequestMapping("/api/v1")
class BlogController {

    private final Jobs jobs;
    private final ContentStore contents;
    private final Conversations conversations;
    private final JsonMapper json;

    BlogController(Jobs jobs, ContentStore contents, Conversations conversations, JsonMapper json) {
        this.jobs = jobs;
        this.contents = contents;
        this.conversations = conversations;
        this.json = json;
    }

    @PostMapping("/generate-blog")
    ResponseEntity<?> generateBlog(AccountId account, @Valid @RequestBody BlogRequest request) throws Exception {
        if (request.conversationId() != null) {
            conversations.open(account.value(), request.conversationId());
            conversations.say(account.value(), request.conversationId(), "user", describe(request));
        }
        NewJob job = new NewJob("blog", account.value(), request.conversationId(), json.valueToTree(request));
        if (request.runsAsync()) {
            Job queued = jobs.enqueue(job);
            return ResponseEntity.accepted()
                    .location(URI.create("/api/v1/jobs/" + queued.id()))
                    .body(Map.of(
                            "job_id", queued.id(), "status", queued.status().id()));
        }
        Jobs.Completed completed;
        try {
            completed = jobs.runHere(job);
        } catch (Jobs.JobFailure failure) {
            throw new GenerationFailed(failure.getMessage());
        }
        BlogPost post = contents.findBlog(account.value(), completed.outcome().resultId())
                .orElseThrow(() -> new GenerationFailed("the job completed without a stored post"));
        return ResponseEntity.ok()
                .header("Quillstream-Job", completed.jobId().toString())
                .body(post);
    }

    private static String describe(BlogRequest request) {
        return "Write a " + request.tone().id() + " blog post about \"" + request.topic() + "\""
                + (request.keywords().isEmpty() ? "" : " with keywords " + String.join(", ", request.keywords()))
                + ".";
    }
}
