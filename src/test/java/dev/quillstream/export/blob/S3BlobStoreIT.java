package dev.quillstream.export.blob;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quillstream.export.BlobStore;
import dev.quillstream.testing.S3MockServer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The S3 blob store against a real S3-compatible server on loopback ({@link S3MockServer}),
 * configured the way {@code S3_BUCKET}/{@code S3_ENDPOINT} do.
 */
class S3BlobStoreIT {

    private static final String BUCKET = "quillstream-exports";
    private static S3MockServer s3;

    @BeforeAll
    static void startS3() throws Exception {
        s3 = S3MockServer.start(BUCKET);
    }

    @AfterAll
    static void stopS3() {
        s3.close();
    }

    private static BlobStore store() {
        return new BlobStoreConfiguration().blobStore("unused", BUCKET, s3.endpoint(), "us-east-1", true, "exports/");
    }

    @Test
    void storesStatsAndReadsBackABlob() throws IOException {
        BlobStore store = store();
        byte[] pdf = "%PDF-1.7 test".getBytes(StandardCharsets.US_ASCII);
        store.put("content-1/abc-v1.pdf", pdf, "application/pdf");
        BlobStore.BlobInfo info = store.stat("content-1/abc-v1.pdf").orElseThrow();
        assertThat(info.size()).isEqualTo(pdf.length);
        assertThat(info.contentType()).isEqualTo("application/pdf");
        try (InputStream in = store.open("content-1/abc-v1.pdf").orElseThrow()) {
            assertThat(in.readAllBytes()).isEqualTo(pdf);
        }
        try (S3Client client = s3.client()) {
            assertThat(client.headObject(b -> b.bucket(BUCKET).key("exports/content-1/abc-v1.pdf"))
                            .contentLength())
                    .as("stored under the prefix")
                    .isEqualTo(pdf.length);
        }
    }

    @Test
    void aMissingBlobIsEmptyNotAnError() {
        assertThat(store().stat("content-1/none.pdf")).isEmpty();
        assertThat(store().open("content-1/none.pdf")).isEmpty();
    }

    @Test
    void keysCannotEscape() {
        assertThatThrownBy(() -> store().put("../x", new byte[0], "text/plain"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
