package dev.quillstream.research;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code quillstream.research.*}: which search APIs are configured, deadlines, the cache TTL and
 * the library folder.
 *
 * @param timeout how long one source may take to answer a query
 * @param readTimeout how long reading all chosen pages of a research run may take
 * @param pageCharacters longest page text kept per source
 */
@ConfigurationProperties("quillstream.research")
record ResearchProperties(
        @DefaultValue("10s") Duration timeout,
        @DefaultValue("30s") Duration readTimeout,
        @DefaultValue("1h") Duration cacheTtl,
        @DefaultValue("100000") int pageCharacters,
        @DefaultValue Api serpapi,
        @DefaultValue Api tavily,
        @DefaultValue Api exa,
        @DefaultValue LibrarySettings library) {

    /** A search API: its key (unset = not configured) and base URL. */
    record Api(
            @DefaultValue("") String apiKey,
            @DefaultValue("") String baseUrl) {
        boolean configured() {
            return !apiKey.isBlank();
        }
    }

    /**
     * @param scanInterval how often the folder is scanned for changes; zero scans only at start
     */
    record LibrarySettings(
            @DefaultValue("./data/library") Path dir,
            @DefaultValue("5m") Duration scanInterval,
            @DefaultValue("20MB") DataSize maxFileSize,
            @DefaultValue("2000000") int maxCharacters) {}
}
