package dev.quillstream.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Locale;
import java.util.UUID;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The PostgreSQL every test uses (127.0.0.1:5432, database {@code test}, or
 * {@code QUILLSTREAM_TEST_DATABASE_URL}), isolated by a fresh schema per test class.
 */
public final class TestDatabase {

    public static final String SERVER_URL = System.getenv()
            .getOrDefault("QUILLSTREAM_TEST_DATABASE_URL", "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");

    private TestDatabase() {}

    /** Creates an empty schema and returns a JDBC URL whose default schema it is. */
    public static String freshSchemaUrl(String prefix) {
        String schema = (prefix + "_"
                        + UUID.randomUUID().toString().replace("-", "").substring(0, 12))
                .toLowerCase(Locale.ROOT);
        try (Connection connection = DriverManager.getConnection(SERVER_URL)) {
            connection.createStatement().execute("create schema " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at " + SERVER_URL + " is needed by the tests", e);
        }
        return SERVER_URL + (SERVER_URL.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    /** Points a Spring test context at a fresh schema of the test PostgreSQL. */
    public static void register(DynamicPropertyRegistry registry, String prefix) {
        String url = freshSchemaUrl(prefix);
        registry.add("quillstream.database-url", () -> url);
        // Test contexts stay cached for the whole run and the PostgreSQL is shared: keep each pool small.
        registry.add("quillstream.database-pool-size", () -> "4");
    }
}
