package dev.quillstream.publishing.medium;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quillstream.export.MarkdownExporter;
import dev.quillstream.publishing.PriorPublication;
import dev.quillstream.publishing.PublishCommand;
import dev.quillstream.publishing.PublishFailed;
import dev.quillstream.publishing.PublishOutcome;
import dev.quillstream.publishing.PublishTarget;
import dev.quillstream.publishing.PublisherWire;
import dev.quillstream.publishing.support.JsonHttp;
import dev.quillstream.testing.WireFixtures;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Medium's posts API against its recorded answers ({@code wire/medium}) on loopback. */
class MediumPublisherTest extends PublisherWire {

    private static final String USER = "5303d74c64f66366f00cb9b2a94f3251bf5";

    private MediumPublisher publisher() {
        return new MediumPublisher(
                JsonHttp.plain(http, timeout(), PublishTarget.MEDIUM),
                URI.create(wire.baseUrl() + "/v1"),
                new MarkdownExporter(),
                Clock.systemUTC());
    }

    private static PublishCommand command(String publication, List<String> tags) {
        return new PublishCommand(
                PublishTarget.MEDIUM,
                null,
                null,
                "181d415f34379af07b2c11d144dfbe35d",
                "public",
                List.of(),
                tags,
                null,
                null,
                publication,
                null,
                "http://jamietalbot.com/posts/liverpool-fc",
                null,
                null,
                null,
                null);
    }

    @Test
    void postsToTheTokensUserAsMarkdownWithCanonicalUrlAndAtMostFiveTags() {
        wire.stubFor(get("/v1/me")
                .willReturn(json(200, "{\"data\":{\"id\":\"" + USER + "\",\"username\":\"majelbstoat\"}}")));
        wire.stubFor(post("/v1/users/" + USER + "/posts")
                .willReturn(json(201, WireFixtures.text("medium/posts.create.user.response.201.json"))));
        PublishOutcome outcome =
                publisher().publish(DOCUMENT, command(null, List.of("a", "b", "c", "d", "e", "f", "g")), null);
        assertThat(outcome.action()).isEqualTo("created");
        assertThat(outcome.externalId()).isEqualTo("e6f36a");
        assertThat(outcome.url()).isEqualTo("https://medium.com/@majelbstoat/liverpool-fc-e6f36a");
        assertThat(outcome.warnings()).singleElement().asString().contains("at most 5 tags", "[f, g]");
        wire.verify(postRequestedFor(urlEqualTo("/v1/users/" + USER + "/posts"))
                .withHeader("Authorization", equalTo("Bearer 181d415f34379af07b2c11d144dfbe35d"))
                .withHeader("Accept", equalTo("application/json")));
        JsonNode sent = JsonMapper.builder()
                .build()
                .readTree(wire.getAllServeEvents().stream()
                        .filter(e -> e.getRequest().getUrl().endsWith("/posts"))
                        .findFirst()
                        .orElseThrow()
                        .getRequest()
                        .getBodyAsString());
        assertThat(sent.path("contentFormat").asString()).isEqualTo("markdown");
        assertThat(sent.path("canonicalUrl").asString()).isEqualTo("http://jamietalbot.com/posts/liverpool-fc");
        assertThat(sent.path("tags").size()).isEqualTo(5);
        assertThat(sent.path("publishStatus").asString()).isEqualTo("public");
        assertThat(sent.path("content").asString())
                .contains("## First chapter")
                .doesNotContain("<script", "javascript:");
        assertThat(sent.path("title").asString()).doesNotContain("<script");
    }

    @Test
    void postsToAPublication() {
        wire.stubFor(post("/v1/publications/b45573563f5a/posts")
                .willReturn(json(201, WireFixtures.text("medium/posts.create.publication.response.201.json"))));
        PublishOutcome outcome = publisher().publish(DOCUMENT, command("b45573563f5a", List.of()), null);
        assertThat(outcome.destination()).isEqualTo("publication:b45573563f5a");
        assertThat(outcome.status()).isEqualTo("draft");
    }

    @Test
    void aRepeatReturnsTheExistingPostAndSaysMediumCannotUpdate() {
        PriorPublication prior = new PriorPublication(
                PublishTarget.MEDIUM,
                "user:me",
                "e6f36a",
                "https://medium.com/p/e6f36a",
                null,
                Instant.now(),
                Instant.now());
        PublishOutcome outcome = publisher().publish(DOCUMENT, command(null, List.of()), prior);
        assertThat(outcome.action()).isEqualTo("existing");
        assertThat(outcome.externalId()).isEqualTo("e6f36a");
        assertThat(outcome.message()).contains("cannot update");
        assertThat(wire.getAllServeEvents()).isEmpty();
    }

    @Test
    void anInvalidTokenIsTyped() {
        wire.stubFor(get("/v1/me").willReturn(json(401, WireFixtures.text("medium/error.401.json"))));
        assertThatThrownBy(() -> publisher().publish(DOCUMENT, command(null, List.of()), null))
                .isInstanceOfSatisfying(PublishFailed.class, f -> {
                    assertThat(f.kind()).isEqualTo(PublishFailed.Kind.CREDENTIALS_REJECTED);
                    assertThat(f.getMessage()).contains("Token was invalid").doesNotContain("181d415f");
                });
    }

    @Test
    void aForbiddenPublicationIsTyped() {
        wire.stubFor(post("/v1/publications/b45573563f5a/posts")
                .willReturn(json(403, WireFixtures.text("medium/error.403.json"))));
        assertThatThrownBy(() -> publisher().publish(DOCUMENT, command("b45573563f5a", List.of()), null))
                .isInstanceOfSatisfying(PublishFailed.class, f -> {
                    assertThat(f.kind()).isEqualTo(PublishFailed.Kind.FORBIDDEN);
                    assertThat(f.getMessage()).contains("permission to publish");
                });
    }

    @Test
    void rateLimitsCarryRetryAfter() {
        wire.stubFor(post("/v1/publications/b45573563f5a/posts")
                .willReturn(json(429, "{\"errors\":[{\"message\":\"Too many requests\",\"code\":-1}]}")
                        .withHeader("Retry-After", "30")));
        assertThatThrownBy(() -> publisher().publish(DOCUMENT, command("b45573563f5a", List.of()), null))
                .isInstanceOfSatisfying(PublishFailed.class, f -> {
                    assertThat(f.kind()).isEqualTo(PublishFailed.Kind.RATE_LIMITED);
                    assertThat(f.retryAfter()).isEqualTo(Duration.ofSeconds(30));
                });
    }
}
