package dev.quillstream.export.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quillstream.QuillstreamApplication;
import dev.quillstream.export.ExportReaders;
import dev.quillstream.testing.ApiClient;
import dev.quillstream.testing.TestDatabase;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/** The done-when for exports: a generated blog exports to all five formats and each opens in its reader. */
@SpringBootTest(
        classes = QuillstreamApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "quillstream.bootstrap-api-key=" + ExportApiIT.KEY)
class ExportApiIT {

    static final String KEY = "qs_test_bootstrap_key_for_export_api_it";
    static Path dataDir;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws Exception {
        TestDatabase.register(registry, "export_api");
        dataDir = Files.createTempDirectory("quillstream-export-it");
        registry.add("quillstream.data-dir", () -> dataDir.toString());
    }

    @LocalServerPort
    int port;

    ApiClient api;
    final HttpClient http = HttpClient.newBuilder().build();

    @BeforeEach
    void client() {
        api = new ApiClient("http://127.0.0.1:" + port, KEY);
    }

    String generatedPost() {
        ApiClient.Response post = api.post("/api/v1/generate-blog", """
                {"topic":"Kubernetes autoscaling","keywords":["hpa","keda"],"tone":"practical"}""");
        assertThat(post.status()).isEqualTo(200);
        return post.json().path("id").asString();
    }

    @ParameterizedTest
    @ValueSource(strings = {"markdown", "html", "docx", "pdf", "epub"})
    void aGeneratedBlogExportsAndOpensInItsReader(String format) throws Exception {
        String id = generatedPost();
        String title = api.get("/api/v1/contents/" + id).json().path("title").asString();
        ApiClient.Response export = api.post("/api/v1/export/" + id, "{\"format\":\"" + format + "\"}");
        assertThat(export.status()).as(export.body()).isEqualTo(200);
        JsonNode body = export.json();
        assertThat(body.path("format").asString()).isEqualTo(format);
        assertThat(body.path("reused").asBoolean()).isFalse();
        String url = body.path("download_url").asString();
        assertThat(url).startsWith("http://127.0.0.1:" + port + "/downloads/");

        HttpResponse<byte[]> download = download(url);
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).hasSize(body.path("bytes").asInt());
        assertThat(download.headers().firstValue("Content-Disposition").orElseThrow())
                .contains("attachment", "." + body.path("file_name").asString().replaceAll(".*\\.", ""));
        String text = ExportReaders.open(format, download.body());
        assertThat(text.replaceAll("\\s+", " ")).contains(title);
    }

    @Test
    void exportingUnchangedContentAgainReusesTheStoredFile() throws Exception {
        String id = generatedPost();
        JsonNode first =
                api.post("/api/v1/export/" + id, "{\"format\":\"pdf\"}").json();
        try (var files = Files.walk(dataDir.resolve("exports"))) {
            Path stored =
                    files.filter(p -> p.toString().endsWith(".pdf")).findFirst().orElseThrow();
            var modified = Files.getLastModifiedTime(stored);
            JsonNode second =
                    api.post("/api/v1/export/" + id, "{\"format\":\"pdf\"}").json();
            assertThat(second.path("reused").asBoolean()).isTrue();
            assertThat(second.path("bytes").asLong())
                    .isEqualTo(first.path("bytes").asLong());
            assertThat(Files.getLastModifiedTime(stored)).isEqualTo(modified);
        }
    }

    @Test
    void aTamperedOrUnsignedLinkIsForbidden() throws Exception {
        String id = generatedPost();
        String url = api.post("/api/v1/export/" + id, "{\"format\":\"markdown\"}")
                .json()
                .path("download_url")
                .asString();
        assertThat(download(url.replaceAll("expires=(\\d+)", "expires=9$1")).statusCode())
                .isEqualTo(403);
        assertThat(download(url.replaceAll("signature=.*", "signature=AAAA")).statusCode())
                .isEqualTo(403);
        assertThat(download(url.replaceAll("\\?.*", "")).statusCode()).isEqualTo(403);
    }

    @Test
    void theFileEndpointRedirectsToAFreshSignedLink() throws Exception {
        String id = generatedPost();
        HttpResponse<byte[]> redirect = http.send(
                HttpRequest.newBuilder(
                                URI.create("http://127.0.0.1:" + port + "/api/v1/contents/" + id + "/file?format=epub"))
                        .header("Authorization", "Bearer " + KEY)
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(redirect.statusCode()).isEqualTo(302);
        String location = redirect.headers().firstValue("Location").orElseThrow();
        assertThat(location).contains("/downloads/", "signature=");
        assertThat(ExportReaders.open("epub", download(location).body())).isNotBlank();
    }

    @Test
    void badFormatsAndUnknownContentAreProblems() {
        String id = generatedPost();
        ApiClient.Response unknownFormat = api.post("/api/v1/export/" + id, "{\"format\":\"rtf\"}");
        assertThat(unknownFormat.status()).isEqualTo(400);
        assertThat(unknownFormat.contentType()).startsWith("application/problem+json");
        assertThat(unknownFormat.json().path("errors").get(0).path("field").asString())
                .isEqualTo("format");
        assertThat(api.post("/api/v1/export/" + id, "{}")
                        .json()
                        .path("errors")
                        .get(0)
                        .path("field")
                        .asString())
                .isEqualTo("format");
        ApiClient.Response missing =
                api.post("/api/v1/export/00000000-0000-0000-0000-000000000000", "{\"format\":\"pdf\"}");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.contentType()).startsWith("application/problem+json");
        assertThat(api.withKey(null)
                        .post("/api/v1/export/" + id, "{\"format\":\"pdf\"}")
                        .status())
                .isEqualTo(401);
    }

    private HttpResponse<byte[]> download(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }
}
