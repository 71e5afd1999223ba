package dev.quillstream.generation;

import dev.quillstream.content.BlogMetadata;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Adds and subtracts the usage of attempts of one run (a resumed job): totals, and per provider and model. */
public final class UsageSum {

    private UsageSum() {}

    /** What a meter recorded, as a post's metadata states it (dollars rounded to the micro-dollar). */
    public static BlogMetadata.Usage of(dev.quillstream.llm.UsageMeter.Snapshot usage) {
        return new BlogMetadata.Usage(
                usage.calls(),
                usage.tokens().promptTokens(),
                usage.tokens().completionTokens(),
                usage.tokens().totalTokens(),
                round(usage.costUsd()),
                usage.cachedCalls(),
                usage.byProvider().stream()
                        .map(p -> new BlogMetadata.ProviderUsage(
                                p.provider(),
                                p.model(),
                                p.calls(),
                                p.cachedCalls(),
                                p.tokens().promptTokens(),
                                p.tokens().completionTokens(),
                                round(p.costUsd())))
                        .toList());
    }

    public static BlogMetadata.Usage plus(BlogMetadata.Usage a, BlogMetadata.Usage b) {
        return combine(a, b, 1);
    }

    /** What {@code total} spent beyond {@code earlier} (the same run's earlier attempts). */
    public static BlogMetadata.Usage minus(BlogMetadata.Usage total, BlogMetadata.Usage earlier) {
        return combine(total, earlier, -1);
    }

    private static BlogMetadata.Usage combine(BlogMetadata.Usage a, BlogMetadata.Usage b, int sign) {
        Map<String, BlogMetadata.ProviderUsage> byModel = new LinkedHashMap<>();
        List<BlogMetadata.ProviderUsage> all = new ArrayList<>(a.providers());
        b.providers().forEach(p -> all.add(scaled(p, sign)));
        for (BlogMetadata.ProviderUsage p : all) {
            byModel.merge(
                    p.provider() + "\u0000" + p.model(),
                    p,
                    (x, y) -> new BlogMetadata.ProviderUsage(
                            x.provider(),
                            x.model(),
                            x.calls() + y.calls(),
                            x.cachedCalls() + y.cachedCalls(),
                            x.promptTokens() + y.promptTokens(),
                            x.completionTokens() + y.completionTokens(),
                            round(x.costUsd() + y.costUsd())));
        }
        return new BlogMetadata.Usage(
                a.calls() + sign * b.calls(),
                a.promptTokens() + sign * b.promptTokens(),
                a.completionTokens() + sign * b.completionTokens(),
                a.totalTokens() + sign * b.totalTokens(),
                round(a.costUsd() + sign * b.costUsd()),
                a.cachedCalls() + sign * b.cachedCalls(),
                byModel.values().stream().filter(p -> p.calls() != 0).toList());
    }

    private static BlogMetadata.ProviderUsage scaled(BlogMetadata.ProviderUsage p, int sign) {
        return new BlogMetadata.ProviderUsage(
                p.provider(),
                p.model(),
                sign * p.calls(),
                sign * p.cachedCalls(),
                sign * p.promptTokens(),
                sign * p.completionTokens(),
                sign * p.costUsd());
    }

    private static double round(double usd) {
        return Math.round(usd * 1_000_000d) / 1_000_000d;
    }
}
