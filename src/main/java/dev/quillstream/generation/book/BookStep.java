package dev.quillstream.generation.book;

/** One named step of the book pipeline; it extends the run's draft and skips what a resumed draft already has. */
interface BookStep {

    String name();

    void run(BookRun run);

    /** Whether a restored draft already holds this step's work: it is then skipped, unannounced. */
    boolean done(BookRun run);
}
