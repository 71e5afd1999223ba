package dev.quillstream.platform.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The zero-configuration default: a real PostgreSQL from the jar, whose data outlives the process. */
class EmbeddedDatabaseIT {

    @TempDir
    Path dataDir;

    @Test
    void dataSurvivesARestart() throws Exception {
        DatabaseConfiguration configuration = new DatabaseConfiguration();
        try (var embedded = configuration.embeddedDatabase();
                var pool = (AutoCloseable) configuration.dataSource("", dataDir, 2, embedded)) {
            try (Connection connection = ((DataSource) pool).getConnection()) {
                connection.createStatement().execute("create table notes (body jsonb)");
                connection.createStatement().execute("insert into notes values ('{\"kept\": true}')");
            }
        }
        try (var embedded = configuration.embeddedDatabase();
                var pool = (AutoCloseable) configuration.dataSource("", dataDir, 2, embedded)) {
            try (Connection connection = ((DataSource) pool).getConnection();
                    ResultSet rows = connection.createStatement().executeQuery("select body->>'kept' from notes")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getString(1)).isEqualTo("true");
            }
        }
        assertThat(dataDir.resolve("postgres/PG_VERSION")).exists();
    }
}
