package dev.quillstream.cli;

import dev.quillstream.content.BlogMetadata;
import dev.quillstream.generation.GenerationListener;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;

/** One line per pipeline step on standard error, so standard output stays clean for the Markdown. */
final class ProgressLines implements GenerationListener {

    private final PrintWriter err;

    ProgressLines(PrintWriter err) {
        this.err = err;
    }

    @Override
    public void stepStarted(String step, int index, int total) {
        err.printf(Locale.ROOT, "[%d/%d] %s ...%n", index, total, step);
        err.flush();
    }

    @Override
    public void usageRecorded(BlogMetadata.Usage usage) {
        err.printf(
                Locale.ROOT,
                "usage: %d model calls (%d from the cache), %d tokens, $%.4f%n",
                usage.calls(),
                usage.cachedCalls(),
                usage.totalTokens(),
                usage.costUsd());
        err.flush();
    }

    @Override
    public void stepFinished(String step, int index, int total, Duration took) {
        err.printf(Locale.ROOT, "[%d/%d] %s done in %.1f s%n", index, total, step, took.toMillis() / 1000.0);
        err.flush();
    }
}
