package dev.quillstream.publishing.github;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
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
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The contents API against GitHub's recorded answers ({@code wire/github}) on loopback. */
class GitHubPublisherTest extends PublisherWire {

    private static final String FILE =
            "/repos/octocat/Hello-World/contents/content/posts/a-book-script-script-alert-title-script.md";
    private static final Instant RESET = Instant.ofEpochSecond(1507651200);

    private GitHubPublisher publisher() {
        return new GitHubPublisher(
                JsonHttp.plain(http, timeout(), PublishTarget.GITHUB),
                URI.create(wire.baseUrl()),
                new MarkdownExporter(),
                Clock.fixed(RESET.minusSeconds(90), ZoneOffset.UTC));
    }

    private static PublishCommand command() {
        return command(PublishTarget.GITHUB, "ghp_secret", "octocat/Hello-World", "main", List.of());
    }

    private static PriorPublication prior(String sha) {
        return new PriorPublication(PublishTarget.GITHUB, "d", "p", null, sha, Instant.now(), Instant.now());
    }

    @Test
    void createsTheFileWithFrontMatterMarkdownOnTheBranch() {
        wire.stubFor(put(FILE)
                .willReturn(json(201, WireFixtures.text("github/response.201.example-for-creating-a-file.json"))));
        PublishOutcome outcome = publisher().publish(DOCUMENT, command(), null);
        assertThat(outcome.action()).isEqualTo("created");
        assertThat(outcome.revision()).isEqualTo("95b966ae1c166bd92f8ae7d1c313e738c731dfc3");
        assertThat(outcome.url()).isEqualTo("https://github.com/octocat/Hello-World/blob/master/notes/hello.txt");
        wire.verify(putRequestedFor(urlEqualTo(FILE))
                .withHeader("Authorization", equalTo("Bearer ghp_secret"))
                .withHeader("Accept", equalTo("application/vnd.github+json"))
                .withHeader("X-GitHub-Api-Version", equalTo("2022-11-28"))
                .withRequestBody(matchingJsonPath("$.branch", equalTo("main")))
                .withRequestBody(matchingJsonPath("$.sha", absent())));
        String body = wire.getAllServeEvents().getFirst().getRequest().getBodyAsString();
        String content = new String(
                Base64.getDecoder()
                        .decode(JsonMapper.builder()
                                .build()
                                .readTree(body)
                                .path("content")
                                .asString()),
                StandardCharsets.UTF_8);
        assertThat(content).startsWith("---\ntitle: A Book").contains("## First chapter");
        assertThat(content.toLowerCase()).doesNotContain("<script", "javascript:");
    }

    @Test
    void updatesWithTheShaOfTheLastPublish() {
        wire.stubFor(put(FILE)
                .withRequestBody(matchingJsonPath("$.sha", equalTo("95b966ae1c166bd92f8ae7d1c313e738c731dfc3")))
                .willReturn(json(200, WireFixtures.text("github/response.200.example-for-updating-a-file.json"))));
        PublishOutcome outcome =
                publisher().publish(DOCUMENT, command(), prior("95b966ae1c166bd92f8ae7d1c313e738c731dfc3"));
        assertThat(outcome.action()).isEqualTo("updated");
        assertThat(outcome.revision()).isEqualTo("a56507ed892d05a37c6d6128c260937ea4d287bd");
    }

    @Test
    void aFileCreatedElsewhereIsReadForItsShaAfter422ShaMissing() {
        wire.stubFor(put(FILE)
                .withRequestBody(matchingJsonPath("$.sha", absent()))
                .willReturn(json(422, WireFixtures.text("github/error.422.sha-missing.json"))));
        wire.stubFor(get(urlPathEqualTo(FILE))
                .withQueryParam("ref", equalTo("main"))
                .willReturn(json(200, "{\"type\":\"file\",\"sha\":\"95b966ae1c166bd92f8ae7d1c313e738c731dfc3\"}")));
        wire.stubFor(put(FILE)
                .withRequestBody(matchingJsonPath("$.sha", equalTo("95b966ae1c166bd92f8ae7d1c313e738c731dfc3")))
                .willReturn(json(200, WireFixtures.text("github/response.200.example-for-updating-a-file.json"))));
        PublishOutcome outcome = publisher().publish(DOCUMENT, command(), null);
        assertThat(outcome.action()).isEqualTo("updated");
    }

    @Test
    void aStaleShaIsRefreshedOnceThenAPersistingConflictIs409() {
        wire.stubFor(put(FILE).willReturn(json(409, WireFixtures.text("github/error.409.sha-mismatch.json"))));
        wire.stubFor(get(urlPathEqualTo(FILE)).willReturn(json(200, "{\"sha\":\"0123\"}")));
        assertThatThrownBy(() -> publisher().publish(DOCUMENT, command(), prior("old")))
                .isInstanceOfSatisfying(PublishFailed.class, f -> {
                    assertThat(f.kind()).isEqualTo(PublishFailed.Kind.CONFLICT);
                    assertThat(f.getMessage()).contains("does not match");
                });
        assertThat(wire.countRequestsMatching(putRequestedFor(urlEqualTo(FILE)).build())
                        .getCount())
                .isEqualTo(2);
    }

    @Test
    void badCredentialsAreTyped() {
        wire.stubFor(put(FILE).willReturn(json(401, WireFixtures.text("github/error.401.bad-credentials.json"))));
        assertThatThrownBy(() -> publisher().publish(DOCUMENT, command(), null))
                .isInstanceOfSatisfying(PublishFailed.class, f -> {
                    assertThat(f.kind()).isEqualTo(PublishFailed.Kind.CREDENTIALS_REJECTED);
                    assertThat(f.getMessage()).contains("Bad credentials").doesNotContain("ghp_secret");
                });
    }

    @Test
    void thePrimaryRateLimitWaitsUntilTheReset() {
        wire.stubFor(put(FILE).willReturn(recorded("github/error.403.primary-rate-limit.http")));
        assertThatThrownBy(() -> publisher().publish(DOCUMENT, command(), null))
                .isInstanceOfSatisfying(PublishFailed.class, f -> {
                    assertThat(f.kind()).isEqualTo(PublishFailed.Kind.RATE_LIMITED);
                    assertThat(f.retryAfter()).isEqualTo(Duration.ofSeconds(90));
                });
    }

    @Test
    void theSecondaryRateLimitHonoursRetryAfter() {
        wire.stubFor(put(FILE).willReturn(recorded("github/error.403.secondary-rate-limit.http")));
        assertThatThrownBy(() -> publisher().publish(DOCUMENT, command(), null))
                .isInstanceOfSatisfying(PublishFailed.class, f -> {
                    assertThat(f.kind()).isEqualTo(PublishFailed.Kind.RATE_LIMITED);
                    assertThat(f.retryAfter()).isEqualTo(Duration.ofSeconds(60));
                });
    }

    @Test
    void aBodyThatIsNotJsonIsAFailedTargetNotACrash() {
        wire.stubFor(put(FILE).willReturn(json(201, "<html>proxy</html>")));
        assertThatThrownBy(() -> publisher().publish(DOCUMENT, command(), null))
                .isInstanceOfSatisfying(
                        PublishFailed.class, f -> assertThat(f.kind()).isEqualTo(PublishFailed.Kind.UNAVAILABLE));
    }
}
