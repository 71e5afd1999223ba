package dev.quillstream.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class DownloadLinksTest {

    private static final byte[] SECRET = "a test secret of enough bytes".getBytes(StandardCharsets.UTF_8);
    private static final Instant NOW = Instant.parse("2026-11-26T01:00:00Z");

    @Test
    void aFreshLinkVerifiesToItsBlobAndName() {
        Parts link = parts(links(NOW).sign("abc/def.pdf", "post.pdf").path());
        assertThat(links(NOW).verify(link.token(), link.expires(), link.signature()))
                .contains(new DownloadLinks.Download("abc/def.pdf", "post.pdf"));
    }

    @Test
    void anExpiredLinkIsRefused() {
        Parts link = parts(links(NOW).sign("abc/def.pdf", "post.pdf").path());
        assertThat(links(NOW.plus(Duration.ofMinutes(16))).verify(link.token(), link.expires(), link.signature()))
                .isEmpty();
    }

    @Test
    void aTamperedLinkIsRefused() {
        Parts link = parts(links(NOW).sign("abc/def.pdf", "post.pdf").path());
        DownloadLinks verifier = links(NOW);
        assertThat(verifier.verify(link.token(), link.expires() + 3600, link.signature()))
                .as("later expiry")
                .isEmpty();
        String otherToken = java.util.Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString("abc/other.pdf\npost.pdf".getBytes(StandardCharsets.UTF_8));
        assertThat(verifier.verify(otherToken, link.expires(), link.signature()))
                .as("other blob")
                .isEmpty();
        assertThat(verifier.verify(link.token(), link.expires(), link.signature() + "x"))
                .isEmpty();
        DownloadLinks otherSecret = new DownloadLinks(
                "another secret of enough bytes".getBytes(StandardCharsets.UTF_8),
                Duration.ofMinutes(15),
                Clock.fixed(NOW, ZoneOffset.UTC));
        assertThat(otherSecret.verify(link.token(), link.expires(), link.signature()))
                .isEmpty();
    }

    private static DownloadLinks links(Instant now) {
        return new DownloadLinks(SECRET, Duration.ofMinutes(15), Clock.fixed(now, ZoneOffset.UTC));
    }

    record Parts(String token, long expires, String signature) {}

    static Parts parts(String path) {
        URI uri = URI.create(path);
        Map<String, String> query = Stream.of(uri.getRawQuery().split("&"))
                .map(p -> p.split("=", 2))
                .collect(Collectors.toMap(p -> p[0], p -> p[1]));
        return new Parts(
                uri.getPath().substring("/downloads/".length()),
                Long.parseLong(query.get("expires")),
                query.get("signature"));
    }
}
