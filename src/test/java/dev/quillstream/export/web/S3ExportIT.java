package dev.quillstream.export.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quillstream.QuillstreamApplication;
import dev.quillstream.export.ExportReaders;
import dev.quillstream.testing.ApiClient;
import dev.quillstream.testing.S3MockServer;
import dev.quillstream.testing.TestDatabase;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import software.amazon.awssdk.services.s3.S3Client;
import tools.jackson.databind.JsonNode;

/** With {@code S3_BUCKET} set, exports go to the bucket and download links serve them from it. */
@SpringBootTest(
        classes = QuillstreamApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "quillstream.bootstrap-api-key=" + S3ExportIT.KEY,
            "quillstream.signing-secret=a shared secret for every node of the test"
        })
class S3ExportIT {

    static final String KEY = "qs_test_bootstrap_key_for_s3_export_it";
    static final String BUCKET = "quillstream-it";
    static S3MockServer s3;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws Exception {
        TestDatabase.register(registry, "s3_export");
        s3 = S3MockServer.start(BUCKET);
        registry.add("quillstream.blobs.s3.bucket", () -> BUCKET);
        registry.add("quillstream.blobs.s3.endpoint", s3::endpoint);
    }

    @AfterAll
    static void stop() {
        s3.close();
    }

    @LocalServerPort
    int port;

    @Test
    void exportsAreStoredInTheBucketAndServedFromIt() throws Exception {
        ApiClient api = new ApiClient("http://127.0.0.1:" + port, KEY);
        String id = api.post("/api/v1/generate-blog", "{\"topic\":\"Kubernetes autoscaling\"}")
                .json()
                .path("id")
                .asString();
        JsonNode first =
                api.post("/api/v1/export/" + id, "{\"format\":\"docx\"}").json();
        try (S3Client client = s3.client()) {
            var objects = client.listObjectsV2(b -> b.bucket(BUCKET).prefix("exports/" + id + "/"))
                    .contents();
            assertThat(objects)
                    .singleElement()
                    .satisfies(o -> assertThat(o.key()).endsWith(".docx"));
        }
        HttpResponse<byte[]> download = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(
                                        URI.create(first.path("download_url").asString()))
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(ExportReaders.open("docx", download.body())).contains("Introduction");
        JsonNode again =
                api.post("/api/v1/export/" + id, "{\"format\":\"docx\"}").json();
        assertThat(again.path("reused").asBoolean()).isTrue();
    }
}
