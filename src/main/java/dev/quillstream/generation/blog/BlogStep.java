package dev.quillstream.generation.blog;

/** One named step of the blog pipeline; it reads and extends the run's draft. */
interface BlogStep {

    String name();

    void run(BlogRun run);

    /** Whether the step has work in this run (research steps only run for researched posts). */
    default boolean appliesTo(BlogRun run) {
        return true;
    }
}
