package dev.quillstream.generation.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quillstream.QuillstreamApplication;
import dev.quillstream.testing.ApiClient;
import dev.quillstream.testing.TestDatabase;
import java.util.stream.Collectors;
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

/** {@code POST /api/v1/generate-book} and book edits over real HTTP, stored in the real PostgreSQL. */
@SpringBootTest(
        classes = QuillstreamApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "quillstream.bootstrap-api-key=" + BookApiIT.KEY)
class BookApiIT {

    static final String KEY = "qs_test_bootstrap_key_for_book_api_it";

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry, "book_api");
    }

    @LocalServerPort
    int port;

    ApiClient api;

    @BeforeEach
    void client() {
        api = new ApiClient("http://127.0.0.1:" + port, KEY);
    }

    /** A 6 × 3 outline: chapter i titled "Part i", its sections "Step i.j". */
    static String outline() {
        return IntStream.rangeClosed(1, 6)
                .mapToObj(c -> "{\"title\":\"Part " + c + "\",\"notes\":\"notes " + c + "\",\"sections\":["
                        + IntStream.rangeClosed(1, 3)
                                .mapToObj(s -> "{\"title\":\"Step " + c + "." + s + "\",\"notes\":\"do " + c + "." + s
                                        + "\",\"target_words\":200}")
                                .collect(Collectors.joining(","))
                        + "]}")
                .collect(Collectors.joining(",", "[", "]"));
    }

    JsonNode generateSixByThree() {
        ApiClient.Response response = api.post("/api/v1/generate-book", """
                {"title":"Running Kubernetes Well","num_chapters":6,"sections_per_chapter":3,
                 "keywords":["autoscaling","keda"],"tone":"practical","kind":"guide","outline":%s}""".formatted(outline()));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    @Test
    void aSixByThreeBookWithAUserOutlineHasExactlyThatStructureAndIsStored() {
        JsonNode book = generateSixByThree();

        assertThat(book.path("chapters").size()).isEqualTo(6);
        for (int c = 0; c < 6; c++) {
            JsonNode chapter = book.path("chapters").get(c);
            assertThat(chapter.path("number").asInt()).isEqualTo(c + 1);
            assertThat(chapter.path("title").asString()).isEqualTo("Part " + (c + 1));
            assertThat(chapter.path("topics").size()).isEqualTo(3);
            for (int s = 0; s < 3; s++) {
                JsonNode topic = chapter.path("topics").get(s);
                assertThat(topic.path("title").asString()).isEqualTo("Step " + (c + 1) + "." + (s + 1));
                assertThat(topic.path("content").asString()).isNotBlank();
                assertThat(topic.path("words").asInt()).isBetween(170, 230);
            }
        }
        assertThat(book.path("metadata")
                        .path("structure")
                        .path("sections_per_chapter")
                        .toString())
                .isEqualTo("[3,3,3,3,3,3]");
        assertThat(book.path("metadata").path("lengths").path("off_target").size())
                .isZero();
        assertThat(book.path("front_matter").path("table_of_contents").asString())
                .contains("6. Part 6");
        assertThat(book.path("tags").toString()).contains("autoscaling");
        assertThat(book.has("output_file")).isTrue();

        String id = book.path("id").asString();
        assertThat(api.get("/api/v1/contents/" + id).json()).isEqualTo(book);
        JsonNode listed = api.get("/api/v1/contents?page=0&size=5").json();
        assertThat(listed.path("items").get(0).path("kind").asString()).isEqualTo("book");
    }

    @Test
    void regeneratingAChapterOrASectionOverHttpLeavesTheRestAsItWasAndStoresTheEdit() {
        JsonNode book = generateSixByThree();
        String id = book.path("id").asString();

        ApiClient.Response chapter = api.post(
                "/api/v1/books/" + id + "/chapters/2/regenerate", "{\"instructions\":\"Open with a war story.\"}");
        assertThat(chapter.status()).as(chapter.body()).isEqualTo(200);
        JsonNode revised = chapter.json();
        for (int c = 0; c < 6; c++) {
            JsonNode before = book.path("chapters").get(c).path("topics");
            JsonNode after = revised.path("chapters").get(c).path("topics");
            if (c == 1) {
                assertThat(after).isNotEqualTo(before);
            } else {
                assertThat(after).isEqualTo(before);
            }
        }
        assertThat(revised.path("metadata")
                        .path("revisions")
                        .get(0)
                        .path("chapter")
                        .asInt())
                .isEqualTo(2);

        ApiClient.Response section = api.post("/api/v1/books/" + id + "/chapters/5/sections/3/regenerate", "");
        assertThat(section.status()).as(section.body()).isEqualTo(200);
        JsonNode again = section.json();
        assertThat(again.path("chapters").get(4).path("topics").get(0))
                .isEqualTo(revised.path("chapters").get(4).path("topics").get(0));
        assertThat(api.get("/api/v1/contents/" + id).json()).isEqualTo(again);

        assertThat(api.post("/api/v1/books/" + id + "/chapters/7/regenerate", "{}")
                        .status())
                .isEqualTo(400);
        assertThat(api.post("/api/v1/books/" + java.util.UUID.randomUUID() + "/chapters/1/regenerate", "{}")
                        .status())
                .isEqualTo(404);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            blank title          | {"title":" ","num_chapters":2}                                   | title
            no chapters          | {"title":"T","num_chapters":0}                                   | num_chapters
            too many chapters    | {"title":"T","num_chapters":51}                                  | num_chapters
            too many sections    | {"title":"T","num_chapters":2,"sections_per_chapter":21}         | sections_per_chapter
            short sections       | {"title":"T","num_chapters":2,"words_per_section":100}           | words_per_section
            unknown kind         | {"title":"T","num_chapters":2,"kind":"poem"}                     | kind
            outline vs chapters  | {"title":"T","num_chapters":3,"outline":[{"title":"One"}]}       | outline
            outline vs sections  | {"title":"T","sections_per_chapter":2,"outline":[{"title":"One","sections":[{"title":"a"}]}]} | outline
            untitled outline     | {"title":"T","outline":[{"title":""}]}                           | outline[0].title
            """)
    void badInputIsA400NamingTheField(String name, String body, String field) {
        ApiClient.Response response = api.post("/api/v1/generate-book", body);
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.contentType()).contains("application/problem+json");
        assertThat(response.json().path("errors").get(0).path("field").asString())
                .isEqualTo(field);
    }
}
