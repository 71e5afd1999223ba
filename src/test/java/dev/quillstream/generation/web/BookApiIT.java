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
                {"title":"Running Kubernetes Well","num_chapters":6,"sections_per_chapter":3,"async":false,
                 "keywords":["autoscaling","keda"],"tone":"practical","kind":"guide",
                 "formats":["epub","docx","pdf"],"outline":%s}""".formatted(outline()));
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
        assertThat(book.path("output_file").asString()).endsWith("/file?format=epub");

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

    @Test
    void theSixByThreeBookExportsToEpubDocxAndPdfThatIndependentParsersOpen() throws Exception {
        JsonNode book = generateSixByThree();
        String id = book.path("id").asString();
        assertThat(book.path("output_file").asString()).isEqualTo("/api/v1/contents/" + id + "/file?format=epub");
        assertThat(book.path("output_files").path("docx").asString()).endsWith("format=docx");

        // EPUB: a zip whose first entry is the stored mimetype, an OPF, one well-formed XHTML per chapter.
        byte[] epub = download(book.path("output_file").asString());
        javax.xml.parsers.DocumentBuilderFactory xml = javax.xml.parsers.DocumentBuilderFactory.newInstance();
        xml.setNamespaceAware(true);
        try (var zip = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(epub))) {
            var first = zip.getNextEntry();
            assertThat(first.getName()).isEqualTo("mimetype");
            assertThat(new String(zip.readAllBytes(), java.nio.charset.StandardCharsets.US_ASCII))
                    .isEqualTo("application/epub+zip");
            java.util.Map<String, byte[]> entries = new java.util.HashMap<>();
            for (var entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                entries.put(entry.getName(), zip.readAllBytes());
            }
            assertThat(entries).containsKey("META-INF/container.xml");
            for (int c = 1; c <= 6; c++) {
                byte[] chapter = entries.get("OEBPS/chapter-" + c + ".xhtml");
                assertThat(chapter).as("chapter " + c).isNotNull();
                org.w3c.dom.Document page = xml.newDocumentBuilder().parse(new java.io.ByteArrayInputStream(chapter));
                assertThat(page.getDocumentElement().getTextContent())
                        .contains("Part " + c)
                        .contains("Step " + c + ".3");
            }
        }

        // And the W3C's EPUBCheck finds it a valid EPUB 3.
        dev.quillstream.testing.Epubs.Check check = dev.quillstream.testing.Epubs.check(epub);
        assertThat(check.result()).as(check.messages()).isZero();

        // DOCX: Apache POI reads every chapter and section heading.
        byte[] docx = download(book.path("output_files").path("docx").asString());
        try (var document = new org.apache.poi.xwpf.usermodel.XWPFDocument(new java.io.ByteArrayInputStream(docx))) {
            String text = document.getParagraphs().stream()
                    .map(org.apache.poi.xwpf.usermodel.XWPFParagraph::getText)
                    .collect(Collectors.joining("\n"));
            assertThat(text)
                    .contains("Running Kubernetes Well")
                    .contains("Part 6")
                    .contains("Step 6.3");
        }

        // PDF: PDFBox opens it and extracts the same headings.
        byte[] pdf = download(book.path("output_files").path("pdf").asString());
        try (var document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            assertThat(document.getNumberOfPages()).isGreaterThan(6);
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(document);
            assertThat(text).contains("Part 1").contains("Step 6.3");
        }
    }

    /** The export behind a book's file link: a redirect to a signed download, then its bytes. */
    byte[] download(String fileLink) throws Exception {
        var http = java.net.http.HttpClient.newHttpClient();
        var redirect = http.send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port + fileLink))
                        .header("Authorization", "Bearer " + KEY)
                        .build(),
                java.net.http.HttpResponse.BodyHandlers.discarding());
        assertThat(redirect.statusCode()).isEqualTo(302);
        var file = http.send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                                redirect.headers().firstValue("Location").orElseThrow()))
                        .build(),
                java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        assertThat(file.statusCode()).isEqualTo(200);
        return file.body();
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
            unknown format       | {"title":"T","num_chapters":1,"formats":["odt"]}                 | formats[0]
            """)
    void badInputIsA400NamingTheField(String name, String body, String field) {
        ApiClient.Response response = api.post("/api/v1/generate-book", body);
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.contentType()).contains("application/problem+json");
        assertThat(response.json().path("errors").get(0).path("field").asString())
                .isEqualTo(field);
    }
}
