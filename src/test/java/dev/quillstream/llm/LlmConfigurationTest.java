package dev.quillstream.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LlmConfigurationTest {

    private static Map<String, Object> configured(String... names) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (String name : names) {
            map.put(name, new Object());
        }
        return map;
    }

    @Test
    void theDefaultChainIsTheConfiguredProvidersInCostOrder() {
        assertThat(LlmConfiguration.chain("", configured("ollama", "anthropic", "gemini", "openai")))
                .containsExactly("gemini", "openai", "anthropic", "ollama");
        assertThat(LlmConfiguration.chain(" ", configured("anthropic"))).containsExactly("anthropic");
        assertThat(LlmConfiguration.chain("", configured()))
                .as("offline only when none is configured")
                .isEmpty();
    }

    @Test
    void anExplicitChainIsKeptInItsOrderAndMayEndWithTheOfflineModel() {
        assertThat(LlmConfiguration.chain("Anthropic, gemini,offline", configured("gemini", "anthropic")))
                .containsExactly("anthropic", "gemini", "offline");
    }

    @Test
    void anExplicitChainNamingAnUnconfiguredOrUnknownProviderStopsTheStart() {
        assertThatThrownBy(() -> LlmConfiguration.chain("gemini,openai", configured("gemini")))
                .hasMessageContaining("'openai', which is not configured");
        assertThatThrownBy(() -> LlmConfiguration.chain("mistral", configured("gemini")))
                .hasMessageContaining("unknown provider 'mistral'");
        assertThatThrownBy(() -> LlmConfiguration.chain("gemini,gemini", configured("gemini")))
                .hasMessageContaining("twice");
    }
}
