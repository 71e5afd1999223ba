package dev.quillstream.platform.outbound;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.net.InetAddress;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The SSRF guard against a real server on loopback. Test names resolve without DNS:
 * {@code site.test} is the (allowed) site, {@code evil.test} a name that resolves to 127.0.0.1.
 */
class SafeHttpClientTest {

    private WireMockServer site;

    private final HostResolver names = host -> switch (host) {
        case "site.test", "evil.test" -> new InetAddress[] {InetAddress.getByName("127.0.0.1")};
        default -> InetAddress.getAllByName(host);
    };

    @BeforeEach
    void start() {
        site = new WireMockServer(
                WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
        site.start();
        site.stubFor(get("/page")
                .willReturn(aResponse()
                        .withHeader("Content-Type", "text/html; charset=utf-8")
                        .withBody("<p>hello</p>")));
    }

    @AfterEach
    void stop() {
        site.stop();
    }

    private SafeHttpClient client(String allowed) {
        return new SafeHttpClient(
                new AddressPolicy(allowed),
                new SafeHttpClient.Limits(Duration.ofSeconds(2), Duration.ofSeconds(1), 1000),
                names);
    }

    private URI at(String host, String path) {
        return URI.create("http://" + host + ":" + site.port() + path);
    }

    @Test
    void fetchesAnAllowedSite() {
        SafeHttpClient.Response response =
                client("site.test").send(SafeHttpClient.Request.get(at("site.test", "/page")));
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("<p>hello</p>");
        assertThat(response.contentType()).startsWith("text/html");
    }

    @Test
    void refusesLoopbackByAddressAndByName() {
        assertThatThrownBy(() -> client("").send(SafeHttpClient.Request.get(at("127.0.0.1", "/page"))))
                .isInstanceOf(OutboundRefused.class)
                .hasMessageContaining("not a public address");
        assertThatThrownBy(() -> client("").send(SafeHttpClient.Request.get(at("localhost", "/page"))))
                .isInstanceOf(OutboundRefused.class);
        assertThatThrownBy(() -> client("").send(SafeHttpClient.Request.get(at("evil.test", "/page"))))
                .isInstanceOf(OutboundRefused.class)
                .hasMessageContaining("evil.test (127.0.0.1)");
        assertThatThrownBy(() -> client("").send(SafeHttpClient.Request.get(at("[::ffff:127.0.0.1]", "/page"))))
                .isInstanceOf(OutboundRefused.class);
        assertThat(site.getAllServeEvents()).isEmpty();
    }

    @Test
    void refusesCloudMetadataWithoutConnecting() {
        assertThatThrownBy(() -> client("")
                        .send(SafeHttpClient.Request.get(URI.create("http://169.254.169.254/latest/meta-data/"))))
                .isInstanceOf(OutboundRefused.class)
                .hasMessageContaining("169.254.169.254");
    }

    @Test
    void refusesOtherSchemesAndCredentials() {
        assertThatThrownBy(() -> client("").send(SafeHttpClient.Request.get(URI.create("file:///etc/passwd"))))
                .hasMessageContaining("only http and https");
        assertThatThrownBy(() -> client("").send(SafeHttpClient.Request.get(URI.create("gopher://site.test/"))))
                .hasMessageContaining("only http and https");
        assertThatThrownBy(
                        () -> client("site.test").send(SafeHttpClient.Request.get(URI.create("http://u:p@site.test/"))))
                .hasMessageContaining("credentials");
    }

    @Test
    void checksEveryRedirect() {
        site.stubFor(get("/to-loopback")
                .willReturn(aResponse()
                        .withStatus(302)
                        .withHeader("Location", at("127.0.0.1", "/page").toString())));
        site.stubFor(get("/to-evil")
                .willReturn(aResponse()
                        .withStatus(301)
                        .withHeader("Location", at("evil.test", "/page").toString())));
        site.stubFor(get("/to-page").willReturn(aResponse().withStatus(302).withHeader("Location", "/page")));
        assertThatThrownBy(() -> client("site.test").send(SafeHttpClient.Request.get(at("site.test", "/to-loopback"))))
                .isInstanceOf(OutboundRefused.class);
        assertThatThrownBy(() -> client("site.test").send(SafeHttpClient.Request.get(at("site.test", "/to-evil"))))
                .isInstanceOf(OutboundRefused.class);
        SafeHttpClient.Response followed =
                client("site.test").send(SafeHttpClient.Request.get(at("site.test", "/to-page")));
        assertThat(followed.body()).isEqualTo("<p>hello</p>");
        assertThat(followed.finalUri().getPath()).isEqualTo("/page");
    }

    @Test
    void stopsRedirectLoops() {
        site.stubFor(get("/loop").willReturn(aResponse().withStatus(302).withHeader("Location", "/loop")));
        assertThatThrownBy(() -> client("site.test").send(SafeHttpClient.Request.get(at("site.test", "/loop"))))
                .hasMessageContaining("redirects");
    }

    @Test
    void refusesBodiesOverTheLimitAndSlowServers() {
        site.stubFor(get("/big").willReturn(aResponse().withBody("x".repeat(5000))));
        site.stubFor(get("/slow").willReturn(aResponse().withBody("late").withFixedDelay(3000)));
        assertThatThrownBy(() -> client("site.test").send(SafeHttpClient.Request.get(at("site.test", "/big"))))
                .hasMessageContaining("larger than 1000 bytes");
        assertThatThrownBy(() -> client("site.test").send(SafeHttpClient.Request.get(at("site.test", "/slow"))))
                .isInstanceOf(OutboundRefused.class);
    }

    @Test
    void anAllowedNetworkAdmitsAPrivateSite() {
        SafeHttpClient.Response response =
                client("127.0.0.0/8").send(SafeHttpClient.Request.get(at("127.0.0.1", "/page")));
        assertThat(response.status()).isEqualTo(200);
    }
}
