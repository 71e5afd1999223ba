package dev.quillstream.generation.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quillstream.QuillstreamApplication;
import dev.quillstream.testing.ApiClient;
import dev.quillstream.testing.TestDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/** {@code POST /api/v1/generate-blog} over real HTTP, stored in the real PostgreSQL. */
@SpringBootTest(
        classes = QuillstreamApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "quillstream.bootstrap-api-key=" + BlogApiIT.KEY)
class BlogApiIT {

    static final String KEY = "qs_test_bootstrap_key_for_blog_api_it";

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry, "blog_api");
    }

    @LocalServerPort
    int port;

    ApiClient api;

    @BeforeEach
    void client() {
        api = new ApiClient("http://127.0.0.1:" + port, KEY);
    }

    @Test
    void generatesStoresAndListsABlogPost() {
        ApiClient.Response response = api.post("/api/v1/generate-blog", """
                {"topic":"Kubernetes autoscaling","keywords":["hpa","keda"],"tone":"practical"}""");
        assertThat(response.status()).isEqualTo(200);
        JsonNode post = response.json();
        assertThat(post.path("title").asString()).isNotBlank();
        assertThat(post.path("description").asString()).isNotBlank();
        assertThat(post.path("tags").toString()).contains("hpa");
        assertThat(post.path("sections").size()).isGreaterThanOrEqualTo(4);
        post.path("sections")
                .forEach(section -> section.path("subtopics")
                        .forEach(subtopic ->
                                assertThat(subtopic.path("content").asString()).isNotBlank()));
        assertThat(post.path("metadata").path("offline").asBoolean()).isTrue();
        assertThat(post.path("metadata").path("usage").path("total_tokens").asLong())
                .isPositive();

        String id = post.path("id").asString();
        JsonNode stored = api.get("/api/v1/contents/" + id).json();
        assertThat(stored).isEqualTo(post);

        JsonNode listed = api.get("/api/v1/contents?page=0&size=5").json();
        assertThat(listed.path("items").get(0).path("id").asString()).isEqualTo(id);
        assertThat(listed.path("items").get(0).path("kind").asString()).isEqualTo("blog");
    }

    @Test
    void everyPostCarriesItsSeoReportAndLinksToRelatedEarlierPosts() {
        String first = api.post("/api/v1/generate-blog", """
                        {"topic":"Kubernetes autoscaling basics","keywords":["autoscaling","kubernetes"]}""").json().path("id").asString();
        JsonNode second = api.post("/api/v1/generate-blog", """
                        {"topic":"Autoscaling Kubernetes with KEDA","keywords":["keda","autoscaling"]}""").json();
        JsonNode seo = second.path("metadata").path("seo");
        assertThat(seo.path("score").asInt()).isBetween(0, 100);
        assertThat(seo.path("checks").size()).isGreaterThan(15);
        seo.path("checks").forEach(check -> {
            assertThat(check.has("passed")).isTrue();
            if (!check.path("passed").asBoolean()) {
                assertThat(check.path("hint").asString()).isNotBlank();
            }
        });
        assertThat(seo.path("json_ld").toString()).contains("BlogPosting", "FAQPage", "BreadcrumbList");
        assertThat(seo.path("internal_links").toString()).contains(first);
        assertThat(seo.path("checks").toString())
                .contains("\"id\":\"internal_links\",\"name\":\"Internal link suggestions\",\"passed\":true");
    }

    @Test
    void listsNewestFirstAndPages() {
        List<String> ids = new ArrayList<>();
        IntStream.range(0, 3)
                .forEach(i -> ids.add(api.post("/api/v1/generate-blog", """
                        {"topic":"Paging test %d","target_words":300}""".formatted(i))
                        .json()
                        .path("id")
                        .asString()));
        JsonNode first = api.get("/api/v1/contents?page=0&size=2").json();
        JsonNode second = api.get("/api/v1/contents?page=1&size=2").json();
        assertThat(first.path("items").get(0).path("id").asString()).isEqualTo(ids.get(2));
        assertThat(first.path("items").get(1).path("id").asString()).isEqualTo(ids.get(1));
        assertThat(second.path("items").get(0).path("id").asString()).isEqualTo(ids.get(0));
        assertThat(first.path("total").asLong()).isEqualTo(second.path("total").asLong());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            missing topic          | {"keywords":["a"]}                                  | topic
            blank topic            | {"topic":"   "}                                     | topic
            topic over 300 chars   | {"topic":"%s"}                                      | topic
            more than 20 keywords  | {"topic":"t","keywords":[%s]}                       | keywords
            blank keyword          | {"topic":"t","keywords":["ok"," "]}                 | keywords[1]
            unknown tone           | {"topic":"t","tone":"sarcastic"}                    | tone
            malformed JSON         | {"topic":                                           | body
            keywords not an array  | {"topic":"t","keywords":"hpa"}                      | keywords
            topic not a string     | {"topic":{"a":1}}                                   | topic
            research not a boolean | {"topic":"t","research":"maybe"}                    | research
            words not a number     | {"topic":"t","target_words":"lots"}                 | target_words
            words out of range     | {"topic":"t","target_words":50}                     | target_words
            array instead of object| []                                                  | body
            """)
    void badInputIsA400NamingTheFieldAndStoresNothing(String name, String body, String field) {
        long before = total();
        String json = body.formatted(
                name.startsWith("topic over")
                        ? "x".repeat(301)
                        : IntStream.range(0, 21)
                                .mapToObj(i -> "\"k" + i + "\"")
                                .reduce((a, b) -> a + "," + b)
                                .orElseThrow());
        ApiClient.Response response = api.post("/api/v1/generate-blog", json);
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        JsonNode problem = response.json();
        assertThat(problem.path("status").asInt()).isEqualTo(400);
        assertThat(problem.path("errors").get(0).path("field").asString()).isEqualTo(field);
        assertThat(problem.path("detail").asString()).contains(field);
        assertThat(total()).isEqualTo(before);
    }

    @Test
    void everyApiCallNeedsAValidKey() {
        ApiClient.Response anonymous = api.withKey(null).get("/api/v1/contents");
        ApiClient.Response wrong = api.withKey("qs_wrong").post("/api/v1/generate-blog", "{\"topic\":\"t\"}");
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.contentType()).startsWith("application/problem+json");
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(api.withKey(null).get("/actuator/health").status()).isEqualTo(200);
    }

    @Test
    void unknownContentIs404AndBadIdIs400() {
        assertThat(api.get("/api/v1/contents/00000000-0000-0000-0000-000000000000")
                        .status())
                .isEqualTo(404);
        ApiClient.Response badId = api.get("/api/v1/contents/not-a-uuid");
        assertThat(badId.status()).isEqualTo(400);
        assertThat(badId.json().path("errors").get(0).path("field").asString()).isEqualTo("id");
    }

    @Test
    void openApiDocumentIsPublished() {
        JsonNode openapi = api.withKey(null).get("/v3/api-docs").json();
        assertThat(openapi.path("paths").has("/api/v1/generate-blog")).isTrue();
        assertThat(openapi.toString()).doesNotContain("\"name\":\"account\"");
    }

    private long total() {
        return api.get("/api/v1/contents?size=1").json().path("total").asLong();
    }
}
