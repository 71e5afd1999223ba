package dev.quillstream.generation.web;

import dev.quillstream.accounts.AccountId;
import dev.quillstream.content.BlogPost;
import dev.quillstream.content.ContentStore;
import dev.quillstream.generation.BlogRequest;
import dev.quillstream.generation.BlogWriter;
import jakarta.validation.Valid;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The seed's {@code POST /api/v1/generate-blog}: writes a post, stores it, returns it. */
@RestController
@RequestMapping("/api/v1")
class BlogController {

    private final BlogWriter writer;
    private final ContentStore contents;
    private final UsageRecording usage;

    BlogController(BlogWriter writer, ContentStore contents, UsageRecording usage) {
        this.writer = writer;
        this.contents = contents;
        this.usage = usage;
    }

    @PostMapping("/generate-blog")
    BlogPost generateBlog(AccountId account, @Valid @RequestBody BlogRequest request) {
        return usage.recorded(account, listener -> {
            BlogPost post = writer.write(request, account.value(), listener);
            contents.saveBlog(account.value(), post);
            return post;
        });
    }
}
