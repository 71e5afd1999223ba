package dev.quillstream.publishing.web;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.quillstream.QuillstreamApplication;
import dev.quillstream.testing.ApiClient;
import dev.quillstream.testing.TestDatabase;
import dev.quillstream.testing.WireFixtures;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The done-when for publishing: the same generated post published twice to each target
 * is created once and updated once (Medium: returned as it was), against the targets' wire formats
 * on loopback; credentials appear in no response, log line or stored row.
 */
@SpringBootTest(
        classes = QuillstreamApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "quillstream.bootstrap-api-key=" + PublishApiIT.KEY,
            "quillstream.outbound-allowed-hosts=127.0.0.1"
        })
@ExtendWith(OutputCaptureExtension.class)
class PublishApiIT {

    static final String KEY = "qs_test_bootstrap_key_for_publish_api_it";
    static final String WP_PASSWORD = "abcd EFGH 1234 ijkl MNOP 6789";
    static final String MEDIUM_TOKEN = "181d415f34379af07b2c11d144dfbe35d";
    static final String GITHUB_TOKEN = "ghp_0123456789abcdefSECRET";
    static final String SHA = "95b966ae1c166bd92f8ae7d1c313e738c731dfc3";
    static final WireMockServer wire = new WireMockServer(
            WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry, "publish_api");
        wire.start();
        registry.add("quillstream.publishing.github-api-url", wire::baseUrl);
        registry.add("quillstream.publishing.medium-api-url", () -> wire.baseUrl() + "/v1");
    }

    @AfterAll
    static void stopWire() {
        wire.stop();
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    ApiClient api;

    @BeforeEach
    void client() {
        api = new ApiClient("http://127.0.0.1:" + port, KEY);
        wire.resetAll();
        wire.stubFor(get(urlPathMatching("/wp-json/wp/v2/(tags|categories)")).willReturn(json(200, "[]")));
        wire.stubFor(post(urlPathMatching("/wp-json/wp/v2/(tags|categories)")).willReturn(json(201, "{\"id\":21}")));
        wire.stubFor(post("/wp-json/wp/v2/posts")
                .willReturn(json(201, WireFixtures.text("wordpress/posts.create.response.201.json"))));
        wire.stubFor(post("/wp-json/wp/v2/posts/4")
                .willReturn(json(200, WireFixtures.text("wordpress/posts.create.response.201.json"))));
        wire.stubFor(
                get("/v1/me").willReturn(json(200, "{\"data\":{\"id\":\"5303d74c64f66366f00cb9b2a94f3251bf5\"}}")));
        wire.stubFor(post("/v1/users/5303d74c64f66366f00cb9b2a94f3251bf5/posts")
                .willReturn(json(201, WireFixtures.text("medium/posts.create.user.response.201.json"))));
        wire.stubFor(put(urlPathMatching("/repos/octocat/Hello-World/contents/.*"))
                .withRequestBody(matchingJsonPath("$.sha", absent()))
                .willReturn(json(201, WireFixtures.text("github/response.201.example-for-creating-a-file.json"))));
        wire.stubFor(put(urlPathMatching("/repos/octocat/Hello-World/contents/.*"))
                .withRequestBody(matchingJsonPath("$.sha", equalTo(SHA)))
                .willReturn(json(200, WireFixtures.text("github/response.200.example-for-updating-a-file.json"))));
    }

    private String generatedPost() {
        ApiClient.Response post = api.post("/api/v1/generate-blog", """
                {"topic":"Kubernetes autoscaling","keywords":["hpa","keda"],"tone":"practical"}""");
        assertThat(post.status()).isEqualTo(200);
        return post.json().path("id").asString();
    }

    private String wordpress(String extra) {
        return "{\"target\":\"wordpress\",\"site_url\":\"" + wire.baseUrl() + "\",\"username\":\"admin\","
                + "\"application_password\":\"" + WP_PASSWORD + "\",\"status\":\"draft\",\"categories\":[\"Guides\"]"
                + extra + "}";
    }

    private static final String MEDIUM = "{\"target\":\"medium\",\"token\":\"" + MEDIUM_TOKEN
            + "\",\"canonical_url\":\"https://blog.example.com/k8s\",\"status\":\"draft\"}";
    private static final String GITHUB = "{\"target\":\"github\",\"token\":\"" + GITHUB_TOKEN
            + "\",\"repository\":\"octocat/Hello-World\",\"branch\":\"main\"}";

    @Test
    void publishingTwiceToEachTargetCreatesOnceAndUpdatesOnce(CapturedOutput output) {
        String id = generatedPost();

        JsonNode first = publish(id, wordpress(""));
        JsonNode second = publish(id, wordpress(""));
        assertThat(first.path("action").asString()).isEqualTo("created");
        assertThat(second.path("action").asString()).isEqualTo("updated");
        assertThat(second.path("external_id").asString()).isEqualTo("4");
        assertThat(wire.countRequestsMatching(postRequestedFor(urlEqualTo("/wp-json/wp/v2/posts"))
                                .build())
                        .getCount())
                .isEqualTo(1);
        assertThat(wire.countRequestsMatching(postRequestedFor(urlEqualTo("/wp-json/wp/v2/posts/4"))
                                .build())
                        .getCount())
                .isEqualTo(1);

        JsonNode mediumFirst = publish(id, MEDIUM);
        JsonNode mediumSecond = publish(id, MEDIUM);
        assertThat(mediumFirst.path("action").asString()).isEqualTo("created");
        assertThat(mediumSecond.path("action").asString()).isEqualTo("existing");
        assertThat(mediumSecond.path("url").asString())
                .isEqualTo(mediumFirst.path("url").asString());
        assertThat(mediumSecond.path("message").asString()).contains("cannot update");
        assertThat(wire.countRequestsMatching(postRequestedFor(urlPathMatching("/v1/users/.*/posts"))
                                .build())
                        .getCount())
                .isEqualTo(1);

        JsonNode githubFirst = publish(id, GITHUB);
        JsonNode githubSecond = publish(id, GITHUB);
        assertThat(githubFirst.path("action").asString()).isEqualTo("created");
        assertThat(githubSecond.path("action").asString()).isEqualTo("updated");
        assertThat(githubSecond.path("destination").asString())
                .startsWith("octocat/Hello-World@main:content/posts/")
                .endsWith(".md");
        assertThat(wire.countRequestsMatching(putRequestedFor(urlPathMatching("/repos/.*"))
                                .withRequestBody(matchingJsonPath("$.sha", equalTo(SHA)))
                                .build())
                        .getCount())
                .isEqualTo(1);

        JsonNode listed = api.get("/api/v1/contents/" + id + "/publications").json();
        assertThat(listed.size()).isEqualTo(3);

        // credentials: never in a response, a log line or a stored row
        List<Map<String, Object>> rows =
                jdbc.sql("select * from publications").query().listOfRows();
        for (String secret : List.of(WP_PASSWORD, MEDIUM_TOKEN, GITHUB_TOKEN)) {
            assertThat(output.getAll()).doesNotContain(secret);
            assertThat(rows.toString()).doesNotContain(secret);
            assertThat(first.toString() + second + mediumFirst + mediumSecond + githubFirst + githubSecond + listed)
                    .doesNotContain(secret);
        }
        assertThat(output.getAll()).contains("Published content " + id + " to github");
    }

    @Test
    void twoSimultaneousPublishesOfTheSameContentCreateOnePost() throws Exception {
        String id = generatedPost();
        // a slow create widens the window in which an unserialised second call would also create
        wire.stubFor(put(urlPathMatching("/repos/octocat/Hello-World/contents/.*"))
                .withRequestBody(matchingJsonPath("$.sha", absent()))
                .willReturn(json(201, WireFixtures.text("github/response.201.example-for-creating-a-file.json"))
                        .withFixedDelay(700)));
        try (var pool = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
            var first = pool.submit(() -> publish(id, GITHUB));
            var second = pool.submit(() -> publish(id, GITHUB));
            assertThat(List.of(
                            first.get().path("action").asString(),
                            second.get().path("action").asString()))
                    .containsExactlyInAnyOrder("created", "updated");
        }
        assertThat(wire.countRequestsMatching(putRequestedFor(urlPathMatching("/repos/.*"))
                                .withRequestBody(matchingJsonPath("$.sha", absent()))
                                .build())
                        .getCount())
                .isEqualTo(1);
    }

    @Test
    void aMediumCrossPostOfAWordPressPostPointsItsCanonicalUrlThere() {
        String id = generatedPost();
        publish(id, wordpress(""));
        publish(id, MEDIUM.replace(",\"canonical_url\":\"https://blog.example.com/k8s\"", ""));
        wire.verify(postRequestedFor(urlPathMatching("/v1/users/.*/posts"))
                .withRequestBody(matchingJsonPath("$.canonicalUrl", equalTo("http://example.org/?p=4"))));
    }

    @Test
    void theSeedEndpointsTakeTheTargetInThePath() {
        String id = generatedPost();
        ApiClient.Response response = api.post(
                "/api/v1/publish/github", GITHUB.replace("\"target\":\"github\",", "\"content_id\":\"" + id + "\","));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.json().path("target").asString()).isEqualTo("github");
    }

    @Test
    void targetFailuresAreClearProblemsNeverServerErrors() {
        String id = generatedPost();
        wire.stubFor(post("/wp-json/wp/v2/posts")
                .willReturn(json(401, WireFixtures.text("wordpress/error.401.incorrect_password.json"))));
        ApiClient.Response rejected = api.post("/api/v1/publish/" + id, wordpress(""));
        assertThat(rejected.status()).isEqualTo(422);
        assertThat(rejected.contentType()).startsWith("application/problem+json");
        assertThat(rejected.json().path("target").asString()).isEqualTo("wordpress");
        assertThat(rejected.json().path("provider_status").asInt()).isEqualTo(401);
        assertThat(rejected.body()).contains("invalid application password").doesNotContain(WP_PASSWORD);

        WireFixtures.RawResponse limited = WireFixtures.http("github/error.403.secondary-rate-limit.http");
        ResponseDefinitionBuilder rateLimit =
                aResponse().withStatus(limited.status()).withBody(limited.body());
        limited.headers().forEach(rateLimit::withHeader);
        wire.stubFor(put(urlPathMatching("/repos/.*")).atPriority(1).willReturn(rateLimit));
        ApiClient.Response throttled = api.post("/api/v1/publish/" + id, GITHUB);
        assertThat(throttled.status()).isEqualTo(429);
        assertThat(throttled.header("Retry-After")).isEqualTo("60");

        wire.stubFor(post("/v1/users/5303d74c64f66366f00cb9b2a94f3251bf5/posts")
                .atPriority(1)
                .willReturn(aResponse().withStatus(503).withBody("upstream down")));
        assertThat(api.post("/api/v1/publish/" + id, MEDIUM).status()).isEqualTo(502);

        ApiClient.Response privateSite =
                api.post("/api/v1/publish/" + id, wordpress("").replace(wire.baseUrl(), "http://10.11.12.13"));
        assertThat(privateSite.status()).isEqualTo(400);
        assertThat(privateSite.json().path("errors").get(0).path("field").asString())
                .isEqualTo("site_url");
    }

    @Test
    void badRequestsNameTheField() {
        String id = generatedPost();
        assertThat(field(api.post("/api/v1/publish/" + id, "{\"target\":\"tumblr\"}")))
                .isEqualTo("target");
        assertThat(field(api.post("/api/v1/publish/" + id, "{}"))).isEqualTo("target");
        assertThat(field(api.post("/api/v1/publish/" + id, "{\"target\":\"github\",\"repository\":\"a/b\"}")))
                .isEqualTo("token");
        assertThat(field(api.post("/api/v1/publish/" + id, GITHUB.replace("octocat/Hello-World", "nope"))))
                .isEqualTo("repository");
        assertThat(field(api.post("/api/v1/publish/" + id, wordpress("").replace("\"draft\"", "\"live\""))))
                .isEqualTo("status");
        assertThat(field(api.post("/api/v1/publish/" + id, wordpress("").replace(wire.baseUrl(), "file:///etc"))))
                .isEqualTo("site_url");
        assertThat(api.post("/api/v1/publish/00000000-0000-0000-0000-000000000000", GITHUB)
                        .status())
                .isEqualTo(404);
    }

    private JsonNode publish(String id, String body) {
        ApiClient.Response response = api.post("/api/v1/publish/" + id, body);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private static String field(ApiClient.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        return response.json().path("errors").get(0).path("field").asString();
    }

    private static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse()
                .withStatus(status)
                .withHeader("Content-Type", "application/json")
                .withBody(body);
    }
}
