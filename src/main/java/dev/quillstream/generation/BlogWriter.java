package dev.quillstream.generation;

import dev.quillstream.content.BlogPost;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Writes a blog post: outline, sections, framing, SEO metadata, assembly and validation. */
public interface BlogWriter {

    /**
     * @throws GenerationFailed when the post cannot be completed to its outline's structure
     * @throws dev.quillstream.llm.ModelException when the model fails in a way retries did not fix
     */
    BlogPost write(BlogRequest request, GenerationListener listener);

    /**
     * Writes a post for an account: with {@code research}, the account's uploaded library
     * documents are among the sources (without an account, only the shared library folder is).
     */
    default BlogPost write(BlogRequest request, @Nullable UUID owner, GenerationListener listener) {
        return write(request, listener);
    }
}
