package dev.quillstream.publishing.wordpress;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quillstream.platform.outbound.AddressPolicy;
import dev.quillstream.platform.outbound.SafeHttpClient;
import dev.quillstream.publishing.PriorPublication;
import dev.quillstream.publishing.PublishCommand;
import dev.quillstream.publishing.PublishFailed;
import dev.quillstream.publishing.PublishOutcome;
import dev.quillstream.publishing.PublishTarget;
import dev.quillstream.publishing.PublisherWire;
import dev.quillstream.publishing.support.JsonHttp;
import dev.quillstream.testing.WireFixtures;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The WordPress REST API against its recorded answers ({@code wire/wordpress}) on loopback. */
class WordPressPublisherTest extends PublisherWire {

    /** admin:abcd EFGH 1234 ijkl MNOP 6789, as in the recorded request. */
    private static final String BASIC = "Basic "
            + WireFixtures.text("wordpress/auth.basic.note.txt")
                    .lines()
                    .findFirst()
                    .orElseThrow();

    private WordPressPublisher publisher(String allowed) {
        return new WordPressPublisher(
                JsonHttp.guarded(new SafeHttpClient(new AddressPolicy(allowed)), PublishTarget.WORDPRESS),
                Clock.systemUTC());
    }

    private PublishCommand command(List<String> tags, List<String> categories) {
        return new PublishCommand(
                PublishTarget.WORDPRESS,
                wire.baseUrl() + "/",
                "admin",
                "abcd EFGH 1234 ijkl MNOP 6789",
                "publish",
                categories,
                tags,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null);
    }

    /** Any other term search finds nothing and any new term gets id 50 (lowest priority). */
    @org.junit.jupiter.api.BeforeEach
    void givenAnyTerm() {
        wire.stubFor(get(urlPathEqualTo("/wp-json/wp/v2/tags")).atPriority(10).willReturn(json(200, "[]")));
        wire.stubFor(post("/wp-json/wp/v2/tags").atPriority(10).willReturn(json(201, "{\"id\":50}")));
    }

    private void givenTerms() {
        wire.stubFor(get(urlPathEqualTo("/wp-json/wp/v2/tags"))
                .withQueryParam("search", equalTo("kubernetes"))
                .willReturn(json(
                        200,
                        "[{\"id\":7,\"name\":\"Kubernetes\",\"slug\":\"kubernetes\",\"taxonomy\":\"post_tag\"}]")));
        wire.stubFor(get(urlPathEqualTo("/wp-json/wp/v2/tags"))
                .withQueryParam("search", equalTo("autoscaling"))
                .willReturn(
                        json(200, "[{\"id\":9,\"name\":\"Autoscaling policies\",\"slug\":\"autoscaling-policies\"}]")));
        wire.stubFor(post("/wp-json/wp/v2/tags")
                .withRequestBody(equalToJson("{\"name\":\"autoscaling\"}"))
                .willReturn(json(
                        201,
                        "{\"id\":12,\"name\":\"autoscaling\",\"slug\":\"autoscaling\",\"taxonomy\":\"post_tag\"}")));
        wire.stubFor(
                get(urlPathEqualTo("/wp-json/wp/v2/categories"))
                        .withQueryParam("search", equalTo("Uncategorized"))
                        .willReturn(
                                json(
                                        200,
                                        "[{\"id\":1,\"name\":\"Uncategorized\",\"slug\":\"uncategorized\",\"taxonomy\":\"category\"}]")));
    }

    @Test
    void createsThePostWithResolvedAndCreatedTermsExcerptSlugAndStatus() {
        givenTerms();
        wire.stubFor(post("/wp-json/wp/v2/posts")
                .willReturn(json(201, WireFixtures.text("wordpress/posts.create.response.201.json"))));
        PublishOutcome outcome =
                publisher("127.0.0.1").publish(DOCUMENT, command(List.of(), List.of("Uncategorized")), null);
        assertThat(outcome.action()).isEqualTo("created");
        assertThat(outcome.externalId()).isEqualTo("4");
        assertThat(outcome.url()).isEqualTo("http://example.org/?p=4");
        assertThat(outcome.status()).isEqualTo("publish");
        wire.verify(postRequestedFor(urlEqualTo("/wp-json/wp/v2/posts"))
                .withHeader("Authorization", equalTo(BASIC))
                .withRequestBody(matchingJsonPath("$.tags", equalToJson("[7,12]")))
                .withRequestBody(matchingJsonPath("$.categories", equalToJson("[1]")))
                .withRequestBody(matchingJsonPath("$.status", equalTo("publish")))
                .withRequestBody(matchingJsonPath("$.slug", equalTo(DOCUMENT.slug()))));
        JsonNode sent = JsonMapper.builder()
                .build()
                .readTree(wire.getAllServeEvents().stream()
                        .filter(e -> e.getRequest().getUrl().equals("/wp-json/wp/v2/posts"))
                        .findFirst()
                        .orElseThrow()
                        .getRequest()
                        .getBodyAsString());
        assertThat(sent.path("content").asString().toLowerCase())
                .contains("<h2>first chapter</h2>")
                .doesNotContain("<script", "onerror", "javascript:", "<iframe");
        assertThat(sent.path("title").asString()).isEqualTo("A Book");
        assertThat(sent.path("excerpt").asString()).isEqualTo("About things");
    }

    @Test
    void anExistingTermReportedByWordPressIsUsed() {
        wire.stubFor(get(urlPathEqualTo("/wp-json/wp/v2/tags")).willReturn(json(200, "[]")));
        wire.stubFor(
                post("/wp-json/wp/v2/tags")
                        .willReturn(
                                json(
                                        400,
                                        "{\"code\":\"term_exists\",\"message\":\"A term with the name provided already exists.\",\"data\":{\"status\":400,\"term_id\":33}}")));
        wire.stubFor(post("/wp-json/wp/v2/posts")
                .willReturn(json(201, WireFixtures.text("wordpress/posts.create.response.201.json"))));
        publisher("127.0.0.1").publish(DOCUMENT, command(List.of("news"), List.of()), null);
        wire.verify(postRequestedFor(urlEqualTo("/wp-json/wp/v2/posts"))
                .withRequestBody(matchingJsonPath("$.tags", equalToJson("[33]"))));
    }

    @Test
    void aRepeatUpdatesThePostItCreated() {
        wire.stubFor(get(urlPathEqualTo("/wp-json/wp/v2/tags"))
                .willReturn(json(200, "[{\"id\":5,\"name\":\"x\",\"slug\":\"x\"}]")));
        wire.stubFor(post("/wp-json/wp/v2/posts/4")
                .willReturn(json(200, WireFixtures.text("wordpress/posts.create.response.201.json"))));
        PriorPublication prior =
                new PriorPublication(PublishTarget.WORDPRESS, "site", "4", null, null, Instant.now(), Instant.now());
        PublishOutcome outcome = publisher("127.0.0.1").publish(DOCUMENT, command(List.of("x"), List.of()), prior);
        assertThat(outcome.action()).isEqualTo("updated");
        assertThat(wire.countRequestsMatching(postRequestedFor(urlEqualTo("/wp-json/wp/v2/posts"))
                                .build())
                        .getCount())
                .isZero();
    }

    @Test
    void aPostDeletedOnTheSiteIsCreatedAgain() {
        wire.stubFor(
                post("/wp-json/wp/v2/posts/4")
                        .willReturn(
                                json(
                                        404,
                                        "{\"code\":\"rest_post_invalid_id\",\"message\":\"Invalid post ID.\",\"data\":{\"status\":404}}")));
        wire.stubFor(post("/wp-json/wp/v2/posts")
                .willReturn(json(201, WireFixtures.text("wordpress/posts.create.response.201.json"))));
        PriorPublication prior =
                new PriorPublication(PublishTarget.WORDPRESS, "site", "4", null, null, Instant.now(), Instant.now());
        assertThat(publisher("127.0.0.1")
                        .publish(DOCUMENT, command(List.of(), List.of()), prior)
                        .action())
                .isEqualTo("created");
    }

    @Test
    void aWrongApplicationPasswordIsTypedWithoutEchoingIt() {
        wire.stubFor(post("/wp-json/wp/v2/posts")
                .willReturn(json(401, WireFixtures.text("wordpress/error.401.incorrect_password.json"))));
        assertThatThrownBy(() -> publisher("127.0.0.1").publish(DOCUMENT, command(List.of(), List.of()), null))
                .isInstanceOfSatisfying(PublishFailed.class, f -> {
                    assertThat(f.kind()).isEqualTo(PublishFailed.Kind.CREDENTIALS_REJECTED);
                    assertThat(f.getMessage())
                            .contains("invalid application password", "incorrect_password")
                            .doesNotContain("abcd EFGH");
                });
    }

    @Test
    void aRefusedParameterIsInvalid() {
        wire.stubFor(post("/wp-json/wp/v2/posts")
                .willReturn(json(400, WireFixtures.text("wordpress/error.400.rest_invalid_param.json"))));
        assertThatThrownBy(() -> publisher("127.0.0.1").publish(DOCUMENT, command(List.of(), List.of()), null))
                .isInstanceOfSatisfying(PublishFailed.class, f -> {
                    assertThat(f.kind()).isEqualTo(PublishFailed.Kind.INVALID);
                    assertThat(f.getMessage()).contains("rest_invalid_param");
                });
    }

    @Test
    void aSiteOnAPrivateAddressIsRefusedUnlessAllowed() {
        assertThatThrownBy(() -> publisher("").publish(DOCUMENT, command(List.of(), List.of()), null))
                .isInstanceOfSatisfying(PublishFailed.class, f -> {
                    assertThat(f.kind()).isEqualTo(PublishFailed.Kind.DESTINATION_REFUSED);
                    assertThat(f.getMessage()).contains("QUILLSTREAM_OUTBOUND_ALLOWED_HOSTS");
                });
        assertThat(wire.getAllServeEvents()).isEmpty();
    }
}
