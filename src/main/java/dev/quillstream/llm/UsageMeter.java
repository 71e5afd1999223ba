package dev.quillstream.llm;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Sums what the calls of one piece of work (a job, a CLI run) cost, in total and per provider and
 * model. Replies served from the cache count as calls that cost nothing. Thread-safe.
 */
public final class UsageMeter {

    private TokenUsage tokens = TokenUsage.NONE;
    private int calls;
    private int cachedCalls;
    private double costUsd;
    private final Set<String> providers = new LinkedHashSet<>();
    private final Set<String> models = new LinkedHashSet<>();
    private final Map<String, ProviderUsage> byModel = new LinkedHashMap<>();
    private boolean offline;

    synchronized void record(ModelReply reply) {
        calls++;
        providers.add(reply.provider());
        models.add(reply.model());
        offline |= reply.offline();
        ProviderUsage previous = byModel.getOrDefault(
                reply.provider() + "\u0000" + reply.model(),
                new ProviderUsage(reply.provider(), reply.model(), 0, 0, TokenUsage.NONE, 0));
        if (reply.cached()) {
            cachedCalls++;
            byModel.put(
                    reply.provider() + "\u0000" + reply.model(),
                    new ProviderUsage(
                            previous.provider(),
                            previous.model(),
                            previous.calls() + 1,
                            previous.cachedCalls() + 1,
                            previous.tokens(),
                            previous.costUsd()));
            return;
        }
        tokens = tokens.plus(reply.usage());
        costUsd += reply.costUsd();
        byModel.put(
                reply.provider() + "\u0000" + reply.model(),
                new ProviderUsage(
                        previous.provider(),
                        previous.model(),
                        previous.calls() + 1,
                        previous.cachedCalls(),
                        previous.tokens().plus(reply.usage()),
                        previous.costUsd() + reply.costUsd()));
    }

    /** What has been spent so far, in US dollars. */
    public synchronized double costUsd() {
        return costUsd;
    }

    public synchronized Snapshot snapshot() {
        return new Snapshot(
                calls,
                tokens,
                String.join(",", providers),
                String.join(",", models),
                offline,
                costUsd,
                cachedCalls,
                new ArrayList<>(byModel.values()));
    }

    /**
     * @param tokens tokens the providers counted (cached replies excluded: they were not billed again)
     * @param provider the providers that answered, comma-separated in order of first use
     * @param offline whether any reply came from the offline model
     * @param byProvider the same figures per provider and model, in order of first use
     */
    public record Snapshot(
            int calls,
            TokenUsage tokens,
            String provider,
            String model,
            boolean offline,
            double costUsd,
            int cachedCalls,
            List<ProviderUsage> byProvider) {

        public Snapshot {
            byProvider = List.copyOf(byProvider);
        }
    }

    /** One provider's and model's share of the work. */
    public record ProviderUsage(
            String provider, String model, int calls, int cachedCalls, TokenUsage tokens, double costUsd) {}
}
