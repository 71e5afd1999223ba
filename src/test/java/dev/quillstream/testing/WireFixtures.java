package dev.quillstream.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The recorded wire samples of the external APIs ({@code src/test/resources/wire}, copied from
 * {@code shared/fixtures/wire}, provenance in its README.txt).
 */
public final class WireFixtures {

    private WireFixtures() {}

    public static String text(String path) {
        try (InputStream in = WireFixtures.class.getClassLoader().getResourceAsStream("wire/" + path)) {
            if (in == null) {
                throw new IllegalArgumentException("no wire fixture " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A recorded raw HTTP response ({@code *.http}): status line, headers, blank line, body. */
    public static RawResponse http(String path) {
        String raw = text(path).replace("\r\n", "\n");
        int split = raw.indexOf("\n\n");
        String[] head = raw.substring(0, split).split("\n");
        int status = Integer.parseInt(head[0].split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < head.length; i++) {
            int colon = head[i].indexOf(':');
            headers.put(
                    head[i].substring(0, colon).strip(),
                    head[i].substring(colon + 1).strip());
        }
        return new RawResponse(status, headers, raw.substring(split + 2));
    }

    public record RawResponse(int status, Map<String, String> headers, String body) {}
}
