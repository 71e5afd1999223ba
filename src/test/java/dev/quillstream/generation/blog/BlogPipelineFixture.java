package dev.quillstream.generation.blog;

import dev.quillstream.llm.offline.OfflineTextModel;

/** The pipeline on the offline model, for tests in other packages. */
public final class BlogPipelineFixture {

    private BlogPipelineFixture() {}

    public static BlogPipeline offline() {
        return new BlogPipeline(new OfflineTextModel(), 4);
    }
}
