package dev.quillstream.publishing;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.quillstream.export.ExportDocument;
import dev.quillstream.export.ExportDocuments;
import dev.quillstream.testing.WireFixtures;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** A loopback WireMock serving a target's recorded wire samples, for the publisher tests. */
public abstract class PublisherWire {

    protected static final ExportDocument DOCUMENT = ExportDocuments.hostileBook();
    protected WireMockServer wire;
    protected final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void startWire() {
        wire = new WireMockServer(
                WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
        wire.start();
    }

    @AfterEach
    void stopWire() {
        wire.stop();
    }

    protected static ResponseDefinitionBuilder json(int status, String body) {
        return WireMock.aResponse()
                .withStatus(status)
                .withHeader("Content-Type", "application/json; charset=utf-8")
                .withBody(body);
    }

    /** A recorded raw response ({@code .http}): status, headers and body as recorded. */
    protected static ResponseDefinitionBuilder recorded(String path) {
        WireFixtures.RawResponse raw = WireFixtures.http(path);
        ResponseDefinitionBuilder response =
                WireMock.aResponse().withStatus(raw.status()).withBody(raw.body());
        raw.headers().forEach(response::withHeader);
        return response;
    }

    protected static PublishCommand command(
            PublishTarget target, String secret, String repository, String branch, List<String> tags) {
        return new PublishCommand(
                target,
                null,
                null,
                secret,
                null,
                List.of(),
                tags,
                null,
                null,
                null,
                null,
                null,
                repository,
                branch,
                null,
                null);
    }

    protected static Duration timeout() {
        return Duration.ofSeconds(5);
    }
}
