package dev.quillstream.generation.web;

import dev.quillstream.accounts.AccountId;
import dev.quillstream.content.ContentStore;
import dev.quillstream.conversation.Conversations;
import dev.quillstream.generation.BlogRequest;
import dev.quillstream.jobs.NewJob;
import jakarta.validation.Valid;
import java.util.Optional;
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

    private final JobResponses responses;
    private final ContentStore contents;
    private final Conversations conversations;
    private final JsonMapper json;

    BlogController(JobResponses responses, ContentStore contents, Conversations conversations, JsonMapper json) {
        this.responses = responses;
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
        return responses.run(
                job,
                request.runsAsync(),
                id -> id == null ? Optional.empty() : contents.findBlog(account.value(), id),
                "post");
    }

    private static String describe(BlogRequest request) {
        return "Write a " + request.tone().id() + " blog post about \"" + request.topic() + "\""
                + (request.keywords().isEmpty() ? "" : " with keywords " + String.join(", ", request.keywords()))
                + ".";
    }
}
