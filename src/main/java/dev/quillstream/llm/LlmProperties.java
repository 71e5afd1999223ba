package dev.quillstream.llm;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** {@code quillstream.llm.*}: which providers are configured and how they are called. */
@ConfigurationProperties("quillstream.llm")
record LlmProperties(
        @DefaultValue OpenAi openai, @DefaultValue Offline offline) {

    record OpenAi(
            @DefaultValue("") String apiKey,
            @DefaultValue("https://api.openai.com/v1") String baseUrl,
            @DefaultValue("gpt-4o-mini") String fastModel,
            @DefaultValue("gpt-4o") String smartModel,
            @DefaultValue("120s") Duration timeout) {

        boolean configured() {
            return !apiKey.isBlank();
        }
    }

    /** Simulated latency of the offline model, for benchmarks; zero by default. */
    record Offline(
            @DefaultValue("0ms") Duration firstTokenLatency,
            @DefaultValue("0ms") Duration tokenInterval) {}
}
