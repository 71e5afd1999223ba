package dev.quillstream.generation.support;

import dev.quillstream.content.BlogMetadata;
import dev.quillstream.llm.UsageMeter;

/** What a run's model calls cost, as documents report it: rounded to a millionth of a dollar. */
public final class UsageFigures {

    private UsageFigures() {}

    public static BlogMetadata.Usage of(UsageMeter.Snapshot usage) {
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

    private static double round(double usd) {
        return Math.round(usd * 1_000_000d) / 1_000_000d;
    }
}
