package dev.quillstream.llm;

import java.util.LinkedHashSet;
import java.util.Set;

/** Sums what the calls of one piece of work (a job, a CLI run) cost. Thread-safe. */
public final class UsageMeter {

    private TokenUsage tokens = TokenUsage.NONE;
    private int calls;
    private final Set<String> providers = new LinkedHashSet<>();
    private final Set<String> models = new LinkedHashSet<>();
    private boolean offline;

    synchronized void record(ModelReply reply) {
        tokens = tokens.plus(reply.usage());
        calls++;
        providers.add(reply.provider());
        models.add(reply.model());
        offline |= reply.offline();
    }

    public synchronized Snapshot snapshot() {
        return new Snapshot(calls, tokens, String.join(",", providers), String.join(",", models), offline);
    }

    /**
     * @param provider the providers that answered, comma-separated in order of first use
     * @param offline whether any reply came from the offline model
     */
    public record Snapshot(int calls, TokenUsage tokens, String provider, String model, boolean offline) {}
}
