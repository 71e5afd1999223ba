package dev.quillstream.research;

import dev.quillstream.platform.cache.SharedCache;
import dev.quillstream.platform.outbound.SafeHttpClient;
import dev.quillstream.research.exa.ExaSource;
import dev.quillstream.research.fetch.PageFetcher;
import dev.quillstream.research.local.DocumentExtractor;
import dev.quillstream.research.local.Library;
import dev.quillstream.research.local.LibraryStore;
import dev.quillstream.research.local.LocalLibrarySource;
import dev.quillstream.research.serpapi.SerpApiSource;
import dev.quillstream.research.tavily.TavilySource;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Builds the configured sources (a search API counts when its key is set; the library whenever there is a database). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ResearchProperties.class)
class ResearchConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ResearchConfiguration.class);

    @Bean
    LibraryStore libraryStore(JdbcClient jdbc) {
        return new LibraryStore(jdbc);
    }

    @Bean
    Library library(LibraryStore store, ResearchProperties properties) {
        ResearchProperties.LibrarySettings settings = properties.library();
        return new Library(
                store,
                new DocumentExtractor(settings.maxCharacters()),
                settings.dir(),
                settings.maxFileSize().toBytes());
    }

    @Bean
    LibraryScanner libraryScanner(Library library, ResearchProperties properties) {
        return new LibraryScanner(library, properties.library().scanInterval());
    }

    @Bean
    @Nullable
    ExaSource exaSource(ResearchProperties properties) {
        ResearchProperties.Api exa = properties.exa();
        return exa.configured()
                ? new ExaSource(exa.apiKey(), base(exa, "https://api.exa.ai"), properties.timeout())
                : null;
    }

    @Bean(destroyMethod = "close")
    ResearchService research(
            ResearchProperties properties,
            LibraryStore store,
            ObjectProvider<ExaSource> exa,
            SafeHttpClient http,
            SharedCache cache,
            ObjectProvider<MeterRegistry> meters) {
        List<ResearchSource> sources = new ArrayList<>();
        ResearchProperties.Api serp = properties.serpapi();
        if (serp.configured()) {
            sources.add(new SerpApiSource(serp.apiKey(), base(serp, "https://serpapi.com"), properties.timeout()));
        }
        ResearchProperties.Api tavily = properties.tavily();
        if (tavily.configured()) {
            sources.add(
                    new TavilySource(tavily.apiKey(), base(tavily, "https://api.tavily.com"), properties.timeout()));
        }
        ExaSource exaSource = exa.getIfAvailable();
        if (exaSource != null) {
            sources.add(exaSource);
        }
        sources.add(new LocalLibrarySource(store));
        SourceReader reader = new SourceReader(
                store,
                exaSource,
                new PageFetcher(http, properties.pageCharacters()),
                cache,
                properties.cacheTtl(),
                properties.readTimeout(),
                properties.pageCharacters());
        ResearchService research = new ResearchService(
                sources,
                cache,
                properties.cacheTtl(),
                properties.timeout(),
                reader,
                meters.getIfAvailable(SimpleMeterRegistry::new));
        log.info(
                "Research sources: {} (default: {}); cache TTL {}",
                research.configuredSources(),
                research.defaultSources(),
                properties.cacheTtl());
        return research;
    }

    private static String base(ResearchProperties.Api api, String fallback) {
        return api.baseUrl().isBlank() ? fallback : api.baseUrl();
    }
}
