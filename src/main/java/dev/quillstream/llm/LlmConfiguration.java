package dev.quillstream.llm;

import dev.quillstream.llm.anthropic.AnthropicTextModel;
import dev.quillstream.llm.cache.ResponseCache;
import dev.quillstream.llm.gemini.GeminiTextModel;
import dev.quillstream.llm.metering.PriceTable;
import dev.quillstream.llm.offline.OfflineTextModel;
import dev.quillstream.llm.ollama.OllamaTextModel;
import dev.quillstream.llm.openai.OpenAiTextModel;
import dev.quillstream.llm.routing.ProviderChain;
import dev.quillstream.llm.routing.ProviderRoute;
import dev.quillstream.llm.routing.ProviderStacks;
import dev.quillstream.llm.routing.RetryPolicy;
import dev.quillstream.llm.routing.Sleeper;
import dev.quillstream.platform.cache.SharedCache;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Builds the {@link TextModel}: every configured provider in its resilient stack, chained in the
 * order of {@code QUILLSTREAM_LLM_CHAIN} (default: the configured ones in cost order — Gemini,
 * OpenAI, Anthropic, then a local Ollama), behind the response cache. With no provider configured
 * the offline model answers, said once at start.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LlmProperties.class)
class LlmConfiguration {

    private static final Logger log = LoggerFactory.getLogger(LlmConfiguration.class);

    /** The seed's cost order: cheapest first. */
    static final List<String> COST_ORDER = List.of(
            GeminiTextModel.PROVIDER, OpenAiTextModel.PROVIDER, AnthropicTextModel.PROVIDER, OllamaTextModel.PROVIDER);

    @Bean
    TextModel textModel(
            LlmProperties properties, ObjectProvider<SharedCache> sharedCache, ObjectProvider<MeterRegistry> meters) {
        Map<String, Supplier<TextModel>> configured = configured(properties);
        List<String> chain = chain(properties.chain(), configured);
        if (chain.isEmpty()) {
            log.warn("No model provider configured (set GEMINI_API_KEY, OPENAI_API_KEY, ANTHROPIC_API_KEY or"
                    + " OLLAMA_HOST): using the offline model, which writes deterministic drafts marked offline.");
            return offline(properties);
        }
        MeterRegistry registry = meters.getIfAvailable(SimpleMeterRegistry::new);
        PriceTable prices = PriceTable.of(
                properties.prices().stream()
                        .map(p -> new PriceTable.Entry(p.provider(), p.model(), p.input(), p.output()))
                        .toList(),
                properties.priceOverrides());
        ProviderStacks stacks =
                new ProviderStacks(resilience(properties), prices, registry, Sleeper.REAL, Clock.systemUTC());
        List<ProviderRoute> routes = new ArrayList<>();
        for (String name : chain) {
            routes.add(
                    name.equals(OfflineTextModel.PROVIDER)
                            ? stacks.unguarded(offline(properties))
                            : stacks.route(configured.get(name).get(), limits(properties, name)));
        }
        SharedCache cache = sharedCache.getIfAvailable();
        ResponseCache responses = properties.cache().enabled() && cache != null
                ? new ResponseCache(cache, properties.cache().ttl(), registry)
                : null;
        log.info(
                "Text models, tried in this order: {}; response cache {}",
                routes.stream()
                        .map(r -> r.name() + " (" + r.model().modelName(ModelTier.FAST) + " / "
                                + r.model().modelName(ModelTier.SMART) + ")")
                        .collect(Collectors.joining(" -> ")),
                responses == null ? "off" : "on (" + properties.cache().ttl() + ")");
        return new ProviderChain(routes, responses);
    }

    /** The providers whose variables are set, in cost order. */
    private static Map<String, Supplier<TextModel>> configured(LlmProperties properties) {
        Map<String, Supplier<TextModel>> configured = new LinkedHashMap<>();
        var gemini = properties.gemini();
        if (gemini.configured()) {
            configured.put(
                    GeminiTextModel.PROVIDER,
                    () -> new GeminiTextModel(new GeminiTextModel.GeminiSettings(
                            gemini.apiKey(),
                            gemini.baseUrl(),
                            gemini.fastModel(),
                            gemini.smartModel(),
                            gemini.timeout())));
        }
        var openai = properties.openai();
        if (openai.configured()) {
            configured.put(
                    OpenAiTextModel.PROVIDER,
                    () -> new OpenAiTextModel(new OpenAiTextModel.OpenAiSettings(
                            openai.apiKey(),
                            openai.baseUrl(),
                            openai.fastModel(),
                            openai.smartModel(),
                            openai.timeout())));
        }
        var anthropic = properties.anthropic();
        if (anthropic.configured()) {
            configured.put(
                    AnthropicTextModel.PROVIDER,
                    () -> new AnthropicTextModel(new AnthropicTextModel.AnthropicSettings(
                            anthropic.apiKey(),
                            anthropic.baseUrl(),
                            anthropic.fastModel(),
                            anthropic.smartModel(),
                            anthropic.timeout())));
        }
        var ollama = properties.ollama();
        if (ollama.configured()) {
            configured.put(
                    OllamaTextModel.PROVIDER,
                    () -> new OllamaTextModel(new OllamaTextModel.OllamaSettings(
                            ollama.host(),
                            ollama.apiKey(),
                            ollama.fastModel(),
                            ollama.smartModel(),
                            ollama.timeout())));
        }
        return configured;
    }

    /** The chain as configured, checked: each name known, configured, and named once. */
    static List<String> chain(String setting, Map<String, ?> configured) {
        if (setting.isBlank()) {
            return COST_ORDER.stream().filter(configured::containsKey).toList();
        }
        List<String> names = Arrays.stream(setting.split(","))
                .map(name -> name.strip().toLowerCase(Locale.ROOT))
                .filter(name -> !name.isEmpty())
                .toList();
        for (String name : names) {
            if (name.equals(OfflineTextModel.PROVIDER)) {
                continue;
            }
            if (!COST_ORDER.contains(name)) {
                throw new IllegalStateException("QUILLSTREAM_LLM_CHAIN names an unknown provider '" + name
                        + "'; known: " + String.join(", ", COST_ORDER) + ", offline");
            }
            if (!configured.containsKey(name)) {
                throw new IllegalStateException("QUILLSTREAM_LLM_CHAIN names '" + name
                        + "', which is not configured (set its API key, or OLLAMA_HOST for ollama)");
            }
        }
        if (names.stream().distinct().count() != names.size()) {
            throw new IllegalStateException("QUILLSTREAM_LLM_CHAIN names a provider twice: " + setting);
        }
        return names;
    }

    private static ProviderStacks.Resilience resilience(LlmProperties properties) {
        var retry = properties.retry();
        var circuit = properties.circuit();
        return new ProviderStacks.Resilience(
                RetryPolicy.of(retry.maxAttempts(), retry.initialBackoff(), retry.maxBackoff(), retry.maxRetryAfter()),
                circuit.window(),
                circuit.minimumCalls(),
                circuit.failureRate(),
                circuit.openFor(),
                properties.limitWait());
    }

    private static ProviderStacks.Limits limits(LlmProperties properties, String provider) {
        return switch (provider) {
            case "gemini" ->
                new ProviderStacks.Limits(
                        properties.gemini().maxConcurrency(),
                        properties.gemini().requestsPerMinute());
            case "openai" ->
                new ProviderStacks.Limits(
                        properties.openai().maxConcurrency(),
                        properties.openai().requestsPerMinute());
            case "anthropic" ->
                new ProviderStacks.Limits(
                        properties.anthropic().maxConcurrency(),
                        properties.anthropic().requestsPerMinute());
            case "ollama" ->
                new ProviderStacks.Limits(
                        properties.ollama().maxConcurrency(),
                        properties.ollama().requestsPerMinute());
            default -> throw new IllegalStateException("no limits for " + provider);
        };
    }

    private static OfflineTextModel offline(LlmProperties properties) {
        return new OfflineTextModel(
                properties.offline().firstTokenLatency(), properties.offline().tokenInterval());
    }
}
