package dev.quillstream.llm;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UsageMeterTest {

    @Test
    void sumsCostAndTokensPerProviderAndCountsCachedRepliesAsFree() {
        UsageMeter meter = new UsageMeter();
        meter.record(new ModelReply("a", new TokenUsage(100, 50), "gemini", "gemini-2.5-pro", false).withCost(0.01));
        meter.record(new ModelReply("b", new TokenUsage(10, 5), "openai", "gpt-4o", false).withCost(0.002));
        meter.record(new ModelReply("c", new TokenUsage(100, 50), "gemini", "gemini-2.5-pro", false)
                .withCost(0.01)
                .fromCache());

        UsageMeter.Snapshot usage = meter.snapshot();

        assertThat(usage.calls()).isEqualTo(3);
        assertThat(usage.cachedCalls()).isEqualTo(1);
        assertThat(usage.tokens()).isEqualTo(new TokenUsage(110, 55));
        assertThat(usage.costUsd()).isEqualTo(0.012);
        assertThat(usage.provider()).isEqualTo("gemini,openai");
        assertThat(usage.byProvider())
                .containsExactly(
                        new UsageMeter.ProviderUsage("gemini", "gemini-2.5-pro", 2, 1, new TokenUsage(100, 50), 0.01),
                        new UsageMeter.ProviderUsage("openai", "gpt-4o", 1, 0, new TokenUsage(10, 5), 0.002));
    }
}
