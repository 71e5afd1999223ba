package dev.quillstream.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quillstream.testing.TestDatabase;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** API keys on a real PostgreSQL: who a key is, revocation, and how often its use is written. */
class ApiKeysIT {

    static JdbcClient jdbc;
    static ApiKeys keys;

    @BeforeAll
    static void database() {
        DriverManagerDataSource dataSource = new DriverManagerDataSource(TestDatabase.freshSchemaUrl("api_keys"));
        Flyway.configure().dataSource(dataSource).load().migrate();
        jdbc = JdbcClient.create(dataSource);
        keys = new ApiKeys(jdbc);
    }

    @Test
    void aKeyActsForItsAccountUntilItIsRevokedAndNoOtherStringDoes() {
        ApiKeys.IssuedKey issued = keys.createAccount("keys");

        assertThat(keys.authenticate(issued.key())).contains(issued.account());
        assertThat(keys.authenticate(issued.key() + "x")).isEmpty();
        assertThat(keys.authenticate("")).isEmpty();

        jdbc.sql("update api_keys set revoked_at = now() where key_hash = :hash")
                .param("hash", ApiKeys.hash(issued.key()))
                .update();
        assertThat(keys.authenticate(issued.key()))
                .as("revoked: refused at once")
                .isEmpty();
    }

    @Test
    void aKeysUseIsWrittenOnceAMinuteNotOnEveryRequest() {
        ApiKeys.IssuedKey issued = keys.createAccount("busy");
        String hash = ApiKeys.hash(issued.key());
        assertThat(lastUsed(hash)).as("never used").isNull();

        keys.authenticate(issued.key());
        String firstUse = lastUsed(hash);
        String version = rowVersion(hash);
        assertThat(firstUse).as("the first use is recorded").isNotNull();

        for (int i = 0; i < 20; i++) {
            assertThat(keys.authenticate(issued.key())).contains(issued.account());
        }
        assertThat(rowVersion(hash)).as("no write within the minute").isEqualTo(version);
        assertThat(lastUsed(hash)).isEqualTo(firstUse);

        jdbc.sql("update api_keys set last_used_at = now() - interval '2 minutes' where key_hash = :hash")
                .param("hash", hash)
                .update();
        String stale = lastUsed(hash);
        keys.authenticate(issued.key());
        assertThat(lastUsed(hash)).as("a use after the minute is recorded").isNotEqualTo(stale);
    }

    private static String lastUsed(String hash) {
        return jdbc.sql("select last_used_at::text from api_keys where key_hash = :hash")
                .param("hash", hash)
                .query(String.class)
                .list()
                .getFirst();
    }

    /** Changes with every write of the row (PostgreSQL's {@code xmin}). */
    private static String rowVersion(String hash) {
        return jdbc.sql("select xmin::text from api_keys where key_hash = :hash")
                .param("hash", hash)
                .query(String.class)
                .single();
    }
}
