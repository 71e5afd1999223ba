package dev.quillstream.platform.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Files;
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

    @Test
    void aNodeKilledWithSigkillLeavesNoDatabaseInTheWayOfItsRestart() throws Exception {
        Process node = startHolder();
        try {
            // While that node lives, its directory is refused, with a reason, rather than shared.
            DatabaseConfiguration configuration = new DatabaseConfiguration();
            try (var embedded = configuration.embeddedDatabase()) {
                assertThatThrownBy(() -> configuration.dataSource("", dataDir, 2, embedded))
                        .hasMessageContaining("in use by another Quillstream");
            }
            ProcessHandle postmaster = postmaster();
            node.destroyForcibly().waitFor(); // SIGKILL: no shutdown hook runs
            assertThat(postmaster.isAlive())
                    .as("the orphaned PostgreSQL still holds the directory")
                    .isTrue();

            try (var embedded = configuration.embeddedDatabase();
                    var pool = (AutoCloseable) configuration.dataSource("", dataDir, 2, embedded)) {
                try (Connection connection = ((DataSource) pool).getConnection();
                        ResultSet rows = connection.createStatement().executeQuery("select body from notes")) {
                    assertThat(rows.next()).isTrue();
                    assertThat(rows.getString(1)).isEqualTo("written before the crash");
                }
                assertThat(postmaster.isAlive()).isFalse();
            }
        } finally {
            node.destroyForcibly();
        }
    }

    private Process startHolder() throws Exception {
        String java = ProcessHandle.current().info().command().orElseThrow();
        Process node = new ProcessBuilder(
                        java,
                        "-cp",
                        System.getProperty("java.class.path"),
                        EmbeddedDatabaseHolder.class.getName(),
                        dataDir.toString())
                .redirectErrorStream(true)
                .start();
        BufferedReader output = new BufferedReader(new InputStreamReader(node.getInputStream()));
        String line;
        while ((line = output.readLine()) != null && !line.equals("ready")) {
            // logs of the starting node
        }
        assertThat(line).as("the holder node started its database").isEqualTo("ready");
        return node;
    }

    private ProcessHandle postmaster() throws Exception {
        long pid = Long.parseLong(Files.readAllLines(dataDir.resolve("postgres/postmaster.pid"))
                .getFirst()
                .trim());
        return ProcessHandle.of(pid).orElseThrow();
    }
}
