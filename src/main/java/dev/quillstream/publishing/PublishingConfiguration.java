package dev.quillstream.publishing;

import dev.quillstream.export.MarkdownExporter;
import dev.quillstream.platform.outbound.SafeHttpClient;
import dev.quillstream.publishing.github.GitHubPublisher;
import dev.quillstream.publishing.medium.MediumPublisher;
import dev.quillstream.publishing.support.JsonHttp;
import dev.quillstream.publishing.wordpress.WordPressPublisher;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The three publishers. WordPress sites are user-supplied URLs and go through the SSRF-safe client
 * ({@code QUILLSTREAM_OUTBOUND_ALLOWED_HOSTS} admits a self-hosted one on a private address);
 * GitHub and Medium are operator-configured endpoints ({@code GITHUB_API_URL}, {@code MEDIUM_API_URL}).
 */
@Configuration(proxyBeanMethods = false)
class PublishingConfiguration {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Bean
    HttpClient publishingHttpClient() {
        return HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    @Bean
    WordPressPublisher wordPressPublisher(SafeHttpClient safeHttp) {
        return new WordPressPublisher(JsonHttp.guarded(safeHttp, PublishTarget.WORDPRESS), Clock.systemUTC());
    }

    @Bean
    MediumPublisher mediumPublisher(
            HttpClient publishingHttpClient,
            MarkdownExporter markdown,
            @Value("${quillstream.publishing.medium-api-url:https://api.medium.com/v1}") String url) {
        return new MediumPublisher(
                JsonHttp.plain(publishingHttpClient, TIMEOUT, PublishTarget.MEDIUM),
                URI.create(url),
                markdown,
                Clock.systemUTC());
    }

    @Bean
    GitHubPublisher gitHubPublisher(
            HttpClient publishingHttpClient,
            MarkdownExporter markdown,
            @Value("${quillstream.publishing.github-api-url:https://api.github.com}") String url) {
        return new GitHubPublisher(
                JsonHttp.plain(publishingHttpClient, TIMEOUT, PublishTarget.GITHUB),
                URI.create(url),
                markdown,
                Clock.systemUTC());
    }
}
