package dev.quillstream.platform.database;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The system of record. With {@code QUILLSTREAM_DATABASE_URL} it is that PostgreSQL; without, an
 * embedded PostgreSQL (real binaries, started from the jar) keeps its data under
 * {@code QUILLSTREAM_DATA_DIR/postgres}, so data survives restarts with zero configuration.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(DatabaseConfiguration.class);

    @Bean(destroyMethod = "close")
    DataSource dataSource(
            @Value("${quillstream.database-url:}") String databaseUrl,
            @Value("${quillstream.data-dir:./data}") Path dataDir,
            @Value("${quillstream.database-pool-size:20}") int poolSize,
            EmbeddedDatabase embedded) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("quillstream");
        config.setMaximumPoolSize(poolSize);
        if (databaseUrl.isBlank()) {
            EmbeddedPostgres postgres = embedded.start(dataDir.resolve("postgres"));
            config.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
            config.setUsername("postgres");
        } else {
            DatabaseUrl url = DatabaseUrl.parse(databaseUrl);
            config.setJdbcUrl(url.jdbcUrl());
            if (url.username() != null) {
                config.setUsername(url.username());
            }
            if (url.password() != null) {
                config.setPassword(url.password());
            }
        }
        return new HikariDataSource(config);
    }

    @Bean(destroyMethod = "close")
    EmbeddedDatabase embeddedDatabase() {
        return new EmbeddedDatabase();
    }

    /** Owns the embedded server, so it stops after the pool that uses it has closed. */
    static final class EmbeddedDatabase implements AutoCloseable {

        private EmbeddedPostgres postgres;
        private OwnerLock owner;

        synchronized EmbeddedPostgres start(Path directory) {
            try {
                Files.createDirectories(directory);
                owner = OwnerLock.take(directory);
                LeftoverPostgres.clear(directory);
                log.info("Starting embedded PostgreSQL with data in {}", directory.toAbsolutePath());
                postgres = EmbeddedPostgres.builder()
                        .setDataDirectory(directory)
                        .setCleanDataDirectory(false)
                        .start();
                return postgres;
            } catch (IOException e) {
                throw closedAfter(
                        new UncheckedIOException("could not start the embedded PostgreSQL in " + directory, e));
            } catch (RuntimeException e) {
                throw closedAfter(e);
            }
        }

        /** A failed start gives back what it took (the owner lock, a half-started server). */
        private RuntimeException closedAfter(RuntimeException failure) {
            try {
                close();
            } catch (IOException suppressed) {
                failure.addSuppressed(suppressed);
            }
            return failure;
        }

        @Override
        public synchronized void close() throws IOException {
            try {
                if (postgres != null) {
                    postgres.close();
                }
            } finally {
                postgres = null;
                if (owner != null) {
                    OwnerLock held = owner;
                    owner = null;
                    held.close();
                }
            }
        }
    }
}
