package dev.quillstream.research.fetch;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.quillstream.platform.outbound.AddressPolicy;
import dev.quillstream.platform.outbound.HostResolver;
import dev.quillstream.platform.outbound.OutboundRefused;
import dev.quillstream.platform.outbound.SafeHttpClient;
import java.net.InetAddress;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Page fetch goes only through the SSRF-safe client. {@code site.test} stands for a public site
 * (admitted by the policy although it is served on loopback); {@code evil.test} is a DNS name an
 * attacker points at 127.0.0.1. Names resolve through a test resolver, never real DNS.
 */
class PageFetcherTest {

    private WireMockServer site;
    private SafeHttpClient http;
    private PageFetcher fetcher;

    private final HostResolver names = host -> switch (host) {
        case "site.test", "evil.test" -> new InetAddress[] {InetAddress.getByName("127.0.0.1")};
        default -> throw new java.net.UnknownHostException(host);
    };

    @BeforeEach
    void start() {
        site = new WireMockServer(
                WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
        site.start();
        http = new SafeHttpClient(
                new AddressPolicy("site.test"),
                new SafeHttpClient.Limits(Duration.ofSeconds(2), Duration.ofSeconds(2), 200_000),
                names);
        fetcher = new PageFetcher(http, 10_000);
    }

    @AfterEach
    void stop() throws Exception {
        http.close();
        site.stop();
    }

    private String at(String host, String path) {
        return "http://" + host + ":" + site.port() + path;
    }

    @Test
    void fetchesAPageAndExtractsItsMainText() {
        site.stubFor(get("/hpa")
                .willReturn(aResponse()
                        .withHeader("Content-Type", "text/html; charset=utf-8")
                        .withBody("<html><head><title>HPA</title></head><body><nav>menu</nav>"
                                + "<article><p>" + "The HPA checks metrics every 15 seconds. ".repeat(8)
                                + "</p></article></body></html>")));
        MainText.Page page = fetcher.fetch(at("site.test", "/hpa"));
        assertThat(page.title()).isEqualTo("HPA");
        assertThat(page.text()).startsWith("The HPA checks metrics").doesNotContain("menu");
    }

    @Test
    void aNameThatResolvesToLoopbackIsRefusedWithoutAnyRequest() {
        site.stubFor(get("/secret").willReturn(aResponse().withBody("internal admin page")));
        assertThatThrownBy(() -> fetcher.fetch(at("evil.test", "/secret")))
                .isInstanceOf(OutboundRefused.class)
                .hasMessageContaining("evil.test (127.0.0.1)");
        assertThatThrownBy(() -> fetcher.fetch(at("127.0.0.1", "/secret"))).isInstanceOf(OutboundRefused.class);
        assertThatThrownBy(() -> fetcher.fetch("http://169.254.169.254/latest/meta-data/"))
                .isInstanceOf(OutboundRefused.class);
        assertThat(site.getAllServeEvents()).isEmpty();
    }

    @Test
    void aRedirectToLoopbackIsRefused() {
        site.stubFor(get("/moved")
                .willReturn(aResponse().withStatus(302).withHeader("Location", at("evil.test", "/secret"))));
        site.stubFor(get("/moved-ip")
                .willReturn(aResponse().withStatus(301).withHeader("Location", at("127.0.0.1", "/secret"))));
        site.stubFor(get("/secret").willReturn(aResponse().withBody("internal admin page")));
        assertThatThrownBy(() -> fetcher.fetch(at("site.test", "/moved"))).isInstanceOf(OutboundRefused.class);
        assertThatThrownBy(() -> fetcher.fetch(at("site.test", "/moved-ip"))).isInstanceOf(OutboundRefused.class);
        assertThat(site.getAllServeEvents())
                .extracting(e -> e.getRequest().getUrl())
                .containsExactlyInAnyOrder("/moved", "/moved-ip");
    }

    @Test
    void onlyHttpAndHttpsAreFetched() {
        assertThatThrownBy(() -> fetcher.fetch("file:///etc/passwd")).isInstanceOf(OutboundRefused.class);
        assertThatThrownBy(() -> fetcher.fetch("ftp://site.test/x")).isInstanceOf(OutboundRefused.class);
    }

    @Test
    void errorsBinariesAndEmptyPagesAreUnreadable() {
        site.stubFor(get("/gone").willReturn(aResponse().withStatus(404).withBody("not here")));
        site.stubFor(get("/paper.pdf")
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/pdf")
                        .withBody("%PDF-1.7")));
        site.stubFor(get("/empty")
                .willReturn(aResponse()
                        .withHeader("Content-Type", "text/html")
                        .withBody("<html><body><nav>x</nav></body></html>")));
        assertThatThrownBy(() -> fetcher.fetch(at("site.test", "/gone")))
                .isInstanceOf(PageFetcher.PageUnreadable.class)
                .hasMessageContaining("404");
        assertThatThrownBy(() -> fetcher.fetch(at("site.test", "/paper.pdf")))
                .isInstanceOf(PageFetcher.PageUnreadable.class)
                .hasMessageContaining("application/pdf");
        assertThatThrownBy(() -> fetcher.fetch(at("site.test", "/empty")))
                .isInstanceOf(PageFetcher.PageUnreadable.class);
    }

    @Test
    void plainTextIsKeptAndLongTextIsCut() {
        site.stubFor(get("/notes.txt")
                .willReturn(aResponse().withHeader("Content-Type", "text/plain").withBody("line\n".repeat(5000))));
        assertThat(fetcher.fetch(at("site.test", "/notes.txt")).text()).hasSize(10_000);
    }
}
