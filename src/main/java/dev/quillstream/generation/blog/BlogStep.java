package dev.quillstream.generation.blog;

/** One named step of the blog pipeline; it reads and extends the run's draft. */
interface BlogStep {

    String name();

    void run(BlogRun run);
}
