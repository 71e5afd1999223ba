package dev.quillstream.generation.web;

import dev.quillstream.accounts.AccountId;
import dev.quillstream.content.BlogPost;
import dev.quillstream.content.ContentStore;
import dev.quillstream.generation.BlogRequest;
import dev.quillstream.generation.BlogWriter;
import dev.quillstream.generation.GenerationListener;
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

    BlogController(BlogWriter writer, ContentStore contents) {
        this.writer = writer;
        this.contents = contents;
    }

    @PostMapping("/generate-blog")
    BlogPost generateBlog(AccountId account, @Valid @RequestBody BlogRequest request) {
        BlogPost post = writer.write(request, account.value(), GenerationListener.NONE);
        contents.saveBlog(account.value(), post);
        return post;
    }
}
