package dev.quillstream.llm;

import dev.quillstream.llm.offline.OfflineTextModel;
import dev.quillstream.llm.openai.OpenAiTextModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Chooses the {@link TextModel}: OpenAI when its key is set, otherwise the offline model, said once at start. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LlmProperties.class)
class LlmConfiguration {

    private static final Logger log = LoggerFactory.getLogger(LlmConfiguration.class);

    @Bean
    TextModel textModel(LlmProperties properties) {
        LlmProperties.OpenAi openai = properties.openai();
        if (openai.configured()) {
            log.info("Text model: openai at {} ({} / {})", openai.baseUrl(), openai.fastModel(), openai.smartModel());
            return new OpenAiTextModel(new OpenAiTextModel.OpenAiSettings(
                    openai.apiKey(), openai.baseUrl(), openai.fastModel(), openai.smartModel(), openai.timeout()));
        }
        log.warn("No model provider configured (set OPENAI_API_KEY): using the offline model, which writes"
                + " deterministic drafts marked offline.");
        return new OfflineTextModel(
                properties.offline().firstTokenLatency(), properties.offline().tokenInterval());
    }
}
