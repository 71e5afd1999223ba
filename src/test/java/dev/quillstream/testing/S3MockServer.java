package dev.quillstream.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * An S3-compatible server on loopback: Adobe's S3Mock started from its runnable jar (copied to
 * {@code target/s3mock} by the build) as a separate process, so its own Spring Boot stays off the
 * test classpath. Accepts any credentials; the AWS default chain finds the test ones set here.
 */
public final class S3MockServer implements AutoCloseable {

    public static final String ACCESS_KEY = "test-access-key";
    public static final String SECRET_KEY = "test-secret-key";

    private final Process process;
    private final int port;

    private S3MockServer(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Starts the server with these buckets and makes the test credentials visible to the AWS default chain. */
    public static S3MockServer start(String... buckets) throws Exception {
        Path jar = Path.of("target/s3mock/s3mock.jar");
        assertThat(jar).as("copied by the build (maven-dependency-plugin)").exists();
        int port = freePort();
        Path root = Files.createTempDirectory("s3mock");
        String java = ProcessHandle.current().info().command().orElse("java");
        Process process = new ProcessBuilder(
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
        S3MockServer server = new S3MockServer(process, port);
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        while (!listening(port)) {
            assertThat(process.isAlive()).as("S3Mock exited").isTrue();
            assertThat(Instant.now()).as("S3Mock did not start").isBefore(deadline);
            Thread.sleep(200);
        }
        try (S3Client s3 = server.client()) {
            for (String bucket : buckets) {
                s3.createBucket(b -> b.bucket(bucket));
            }
        }
        System.setProperty("aws.accessKeyId", ACCESS_KEY);
        System.setProperty("aws.secretAccessKey", SECRET_KEY);
        return server;
    }

    public String endpoint() {
        return "http://127.0.0.1:" + port;
    }

    public S3Client client() {
        return S3Client.builder()
                .region(Region.US_EAST_1)
                .endpointOverride(URI.create(endpoint()))
                .forcePathStyle(true)
                .credentialsProvider(
                        StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)))
                .build();
    }

    @Override
    public void close() {
        process.destroy();
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
