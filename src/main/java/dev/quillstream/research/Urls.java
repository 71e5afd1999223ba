package dev.quillstream.research;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * URL normalisation, so one page found by several sources (or by several queries) is one result:
 * lower-case scheme and host, no default port, no fragment, no tracking parameters. {@link #key}
 * goes further for comparisons only ({@code http} = {@code https}, {@code www.} and a trailing
 * slash ignored, parameters sorted).
 */
public final class Urls {

    private static final Set<String> TRACKING = Set.of(
            "gclid", "fbclid", "msclkid", "dclid", "yclid", "igshid", "mc_cid", "mc_eid", "_ga", "_gl", "ref_src",
            "srsltid");

    private Urls() {}

    /** The canonical form of an http(s) URL; other URLs (e.g. {@code library:}) come back stripped only. */
    public static String normalize(String url) {
        return parse(url).map(Urls::canonical).orElse(url.strip());
    }

    /** A comparison key: two URLs with the same key are taken to be the same page. */
    public static String key(String url) {
        Optional<URI> parsed = parse(url);
        if (parsed.isEmpty()) {
            return url.strip();
        }
        URI uri = parsed.get();
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        if (host.startsWith("www.")) {
            host = host.substring(4);
        }
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        if (path.length() > 1 && path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        List<String> parameters = new ArrayList<>(parameters(uri));
        parameters.sort(null);
        return host + port(uri) + path + (parameters.isEmpty() ? "" : "?" + String.join("&", parameters));
    }

    /** Whether the text is an absolute http or https URL with a host. */
    public static boolean isWeb(String url) {
        return parse(url).isPresent();
    }

    private static Optional<URI> parse(String url) {
        if (url == null) {
            return Optional.empty();
        }
        String text = url.strip().replace(" ", "%20");
        try {
            URI uri = new URI(text);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
                return Optional.empty();
            }
            return Optional.of(uri);
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    private static String canonical(URI uri) {
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        if (host.endsWith(".")) {
            host = host.substring(0, host.length() - 1);
        }
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        List<String> parameters = parameters(uri);
        return scheme + "://" + host + port(uri) + path
                + (parameters.isEmpty() ? "" : "?" + String.join("&", parameters));
    }

    private static String port(URI uri) {
        int port = uri.getPort();
        boolean standard = port == -1
                || (port == 80 && "http".equalsIgnoreCase(uri.getScheme()))
                || (port == 443 && "https".equalsIgnoreCase(uri.getScheme()));
        return standard ? "" : ":" + port;
    }

    private static List<String> parameters(URI uri) {
        List<String> kept = new ArrayList<>();
        if (uri.getRawQuery() == null || uri.getRawQuery().isEmpty()) {
            return kept;
        }
        for (String parameter : uri.getRawQuery().split("&")) {
            if (parameter.isEmpty()) {
                continue;
            }
            String name = parameter.split("=", 2)[0].toLowerCase(Locale.ROOT);
            if (!name.startsWith("utm_") && !TRACKING.contains(name)) {
                kept.add(parameter);
            }
        }
        return kept;
    }
}
