package dev.quillstream.llm;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code quillstream.llm.*}: which providers are configured, in which order they are tried, how
 * hard each is tried, what they cost and how answers are cached. Every property has its
 * environment variable in {@code application.yml}.
 *
 * @param chain provider names in the order to try them; blank = the configured providers in cost
 *     order (gemini, openai, anthropic, ollama), or offline when none is configured
 */
@ConfigurationProperties("quillstream.llm")
record LlmProperties(
        @DefaultValue("") String chain,
        @DefaultValue OpenAi openai,
        @DefaultValue Anthropic anthropic,
        @DefaultValue Gemini gemini,
        @DefaultValue Ollama ollama,
        @DefaultValue Offline offline,
        @DefaultValue Retry retry,
        @DefaultValue Circuit circuit,
        @DefaultValue("5m") Duration limitWait,
        @DefaultValue Cache cache,
        List<Price> prices,
        @DefaultValue("") String priceOverrides) {

    LlmProperties {
        prices = prices == null ? List.of() : List.copyOf(prices);
    }

    /** OpenAI, or any server speaking its Chat Completions API. */
    record OpenAi(
            @DefaultValue("") String apiKey,
            @DefaultValue("https://api.openai.com/v1") String baseUrl,
            @DefaultValue("gpt-4o-mini") String fastModel,
            @DefaultValue("gpt-4o") String smartModel,
            @DefaultValue("120s") Duration timeout,
            @DefaultValue("16") int maxConcurrency,
            @DefaultValue("500") int requestsPerMinute) {

        boolean configured() {
            return !apiKey.isBlank();
        }
    }

    record Anthropic(
            @DefaultValue("") String apiKey,
            @DefaultValue("https://api.anthropic.com") String baseUrl,
            @DefaultValue("claude-haiku-4-5") String fastModel,
            @DefaultValue("claude-sonnet-4-5") String smartModel,
            @DefaultValue("120s") Duration timeout,
            @DefaultValue("8") int maxConcurrency,
            @DefaultValue("50") int requestsPerMinute) {

        boolean configured() {
            return !apiKey.isBlank();
        }
    }

    record Gemini(
            @DefaultValue("") String apiKey,

            @DefaultValue("https://generativelanguage.googleapis.com")
            String baseUrl,

            @DefaultValue("gemini-2.5-flash") String fastModel,
            @DefaultValue("gemini-2.5-pro") String smartModel,
            @DefaultValue("120s") Duration timeout,
            @DefaultValue("16") int maxConcurrency,
            @DefaultValue("150") int requestsPerMinute) {

        boolean configured() {
            return !apiKey.isBlank();
        }
    }

    /** A local (or self-hosted) Ollama: configured by its host; the key is for servers behind auth. */
    record Ollama(
            @DefaultValue("") String host,
            @DefaultValue("") String apiKey,
            @DefaultValue("llama3.2") String fastModel,
            @DefaultValue("llama3.2") String smartModel,
            @DefaultValue("300s") Duration timeout,
            @DefaultValue("4") int maxConcurrency,
            @DefaultValue("0") int requestsPerMinute) {

        boolean configured() {
            return !host.isBlank();
        }
    }

    /** Simulated latency of the offline model, for benchmarks; zero by default. */
    record Offline(
            @DefaultValue("0ms") Duration firstTokenLatency,
            @DefaultValue("0ms") Duration tokenInterval) {}

    /**
     * @param maxAttempts calls to one provider per request, the first included
     * @param maxRetryAfter a provider asking to wait longer is skipped for the next one instead
     */
    record Retry(
            @DefaultValue("3") int maxAttempts,
            @DefaultValue("1s") Duration initialBackoff,
            @DefaultValue("30s") Duration maxBackoff,
            @DefaultValue("60s") Duration maxRetryAfter) {}

    /**
     * A provider's circuit opens when {@code failureRate} percent of its last {@code window} calls
     * (at least {@code minimumCalls}) failed, and lets trial calls through after {@code openFor}.
     */
    record Circuit(
            @DefaultValue("50") float failureRate,
            @DefaultValue("10") int window,
            @DefaultValue("5") int minimumCalls,
            @DefaultValue("60s") Duration openFor) {}

    record Cache(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("24h") Duration ttl) {}

    /** US dollars per million input and output tokens of one model ({@code *}: every model). */
    record Price(String provider, String model, double input, double output) {}
}
