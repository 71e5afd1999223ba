package dev.quillstream.research.fetch;

import dev.quillstream.platform.outbound.OutboundRefused;
import dev.quillstream.platform.outbound.SafeHttpClient;
import java.net.URI;
import java.util.Locale;

/**
 * Downloads a result's page and extracts its main text — only through the SSRF-safe client, so a
 * URL a search engine (or a web page) hands us can never reach loopback, private networks or cloud
 * metadata, on the first request or after a redirect, and is cut at the client's size and time
 * limits. HTML is reduced to its main text; plain text and Markdown are kept; other types (PDF,
 * images) are refused.
 */
public final class PageFetcher {

    private final SafeHttpClient http;
    private final int maxCharacters;

    public PageFetcher(SafeHttpClient http, int maxCharacters) {
        this.http = http;
        this.maxCharacters = maxCharacters;
    }

    /**
     * @throws OutboundRefused when the SSRF guard or a size or time limit stopped the request
     * @throws PageUnreadable when the page answered but has no readable text
     */
    public MainText.Page fetch(String url) {
        URI uri;
        try {
            uri = URI.create(url.strip());
        } catch (IllegalArgumentException e) {
            throw new PageUnreadable("not a URL: " + url);
        }
        SafeHttpClient.Response response = http.send(SafeHttpClient.Request.get(uri)
                .withHeader("Accept", "text/html,application/xhtml+xml,text/plain;q=0.9,text/markdown;q=0.9"));
        if (response.status() < 200 || response.status() >= 300) {
            throw new PageUnreadable(uri.getHost() + " answered HTTP " + response.status());
        }
        String type = response.contentType().toLowerCase(Locale.ROOT);
        MainText.Page page;
        if (type.isEmpty() || type.contains("html") || type.contains("xml")) {
            page = MainText.extract(response.body(), response.finalUri().toString());
        } else if (type.startsWith("text/")) {
            page = new MainText.Page("", response.body().strip());
        } else {
            throw new PageUnreadable("unsupported content type " + type.split(";")[0] + " at " + uri.getHost());
        }
        if (page.text().isBlank()) {
            throw new PageUnreadable("no readable text at " + uri.getHost());
        }
        String text = page.text().length() <= maxCharacters
                ? page.text()
                : page.text().substring(0, maxCharacters);
        return new MainText.Page(page.title(), text);
    }

    /** The page answered, but not with text worth reading. */
    public static final class PageUnreadable extends RuntimeException {
        public PageUnreadable(String message) {
            super(message);
        }
    }
}
