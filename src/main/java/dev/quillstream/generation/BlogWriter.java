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
    default BlogPost write(BlogRequest request, GenerationListener listener) {
        return write(request, null, listener);
    }

    /**
     * @param owner the account the post is written for: with {@code research}, its uploaded library
     *     documents are among the sources, and its earlier posts become internal-link suggestions;
     *     null when there is no account (the CLI), where only the shared library folder is searched
     */
    default BlogPost write(BlogRequest request, @Nullable UUID owner, GenerationListener listener) {
        return write(request, owner, listener, BlogCheckpoints.NONE);
    }

    /**
     * As {@link #write(BlogRequest, UUID, GenerationListener)}, resuming from {@code checkpoints}' saved
     * state and saving to it after each expensive step.
     */
    BlogPost write(BlogRequest request, @Nullable UUID owner, GenerationListener listener, BlogCheckpoints checkpoints);
}
