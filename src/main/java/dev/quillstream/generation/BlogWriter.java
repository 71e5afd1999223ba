package dev.quillstream.generation;

import dev.quillstream.content.BlogPost;

/** Writes a blog post: outline, sections, framing, SEO metadata, assembly and validation. */
public interface BlogWriter {

    /**
     * @throws GenerationFailed when the post cannot be completed to its outline's structure
     * @throws dev.quillstream.llm.ModelException when the model fails in a way retries did not fix
     */
    BlogPost write(BlogRequest request, GenerationListener listener);
}
