package dev.quillstream.export.blob;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quillstream.export.BlobStore;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The S3 blob store against a real S3-compatible server on loopback (Adobe's S3Mock, started from
 * its runnable jar as a separate process), configured the way {@code S3_BUCKET}/{@code S3_ENDPOINT} do.
 */
class S3BlobStoreIT {

    private static final String BUCKET = "quillstream-exports";
    private static Process server;
    private static int port;
    private static Path root;

    @BeforeAll
    static void startS3() throws Exception {
        Path jar = Path.of("target/s3mock/s3mock.jar");
        assertThat(jar).as("copied by the build (maven-dependency-plugin)").exists();
        port = freePort();
        root = Files.createTempDirectory("s3mock");
        String java = ProcessHandle.current().info().command().orElse("java");
        server = new ProcessBuilder(
                        java,
                        "-Xmx256m",
                        "-jar",
                        jar.toString(),
                        "--server.port=" + freePort(),
                        "--http.port=" + port,
                        "--com.adobe.testing.s3mock.store.root=" + root,
                        "--logging.level.root=WARN")
                .redirectErrorStream(true)
                .redirectOutput(root.resolveSibling(root.getFileName() + ".log").toFile())
                .start();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        while (!listening(port)) {
            assertThat(server.isAlive()).as("S3Mock exited").isTrue();
            assertThat(Instant.now()).as("S3Mock did not start").isBefore(deadline);
            Thread.sleep(200);
        }
        try (S3Client s3 = client()) {
            s3.createBucket(b -> b.bucket(BUCKET));
        }
        System.setProperty("aws.accessKeyId", "test-access-key");
        System.setProperty("aws.secretAccessKey", "test-secret-key");
    }

    @AfterAll
    static void stopS3() {
        if (server != null) {
            server.destroy();
        }
    }

    private static BlobStore store() {
        return new BlobStoreConfiguration()
                .blobStore("unused", BUCKET, "http://127.0.0.1:" + port, "us-east-1", true, "exports/");
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
        try (S3Client s3 = client()) {
            assertThat(s3.headObject(b -> b.bucket(BUCKET).key("exports/content-1/abc-v1.pdf"))
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

    private static S3Client client() {
        return S3Client.builder()
                .region(Region.US_EAST_1)
                .endpointOverride(URI.create("http://127.0.0.1:" + port))
                .forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create("test-access-key", "test-secret-key")))
                .build();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static boolean listening(int port) {
        try (Socket ignored = new Socket("127.0.0.1", port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
