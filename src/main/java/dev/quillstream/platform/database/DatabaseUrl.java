package dev.quillstream.platform.database;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/**
 * {@code QUILLSTREAM_DATABASE_URL} in either spelling: a JDBC URL, or the
 * {@code postgresql://user:password@host:port/database} form most platforms hand out.
 */
record DatabaseUrl(
        String jdbcUrl, @Nullable String username, @Nullable String password) {

    static DatabaseUrl parse(String url) {
        String trimmed = url.strip();
        if (trimmed.startsWith("jdbc:")) {
            return new DatabaseUrl(trimmed, null, null);
        }
        if (!trimmed.startsWith("postgresql://") && !trimmed.startsWith("postgres://")) {
            throw new IllegalArgumentException(
                    "QUILLSTREAM_DATABASE_URL must be a jdbc:postgresql:// or postgresql:// URL");
        }
        URI uri = URI.create(trimmed);
        String username = null;
        String password = null;
        if (uri.getRawUserInfo() != null) {
            String[] parts = uri.getRawUserInfo().split(":", 2);
            username = decode(parts[0]);
            password = parts.length > 1 ? decode(parts[1]) : null;
        }
        String hostAndPort = uri.getPort() > 0 ? uri.getHost() + ":" + uri.getPort() : uri.getHost();
        String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
        return new DatabaseUrl("jdbc:postgresql://" + hostAndPort + uri.getRawPath() + query, username, password);
    }

    private static String decode(String part) {
        return URLDecoder.decode(part, StandardCharsets.UTF_8);
    }
}
