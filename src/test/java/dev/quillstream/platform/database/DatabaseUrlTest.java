package dev.quillstream.platform.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DatabaseUrlTest {

    @Test
    void acceptsJdbcUrlsAsTheyAre() {
        assertThat(DatabaseUrl.parse("jdbc:postgresql://db:5432/q?ssl=true"))
                .isEqualTo(new DatabaseUrl("jdbc:postgresql://db:5432/q?ssl=true", null, null));
    }

    @Test
    void turnsPlatformUrlsIntoJdbcWithCredentials() {
        assertThat(DatabaseUrl.parse("postgresql://quill:p%40ss@db.internal:6543/prod?sslmode=require"))
                .isEqualTo(new DatabaseUrl("jdbc:postgresql://db.internal:6543/prod?sslmode=require", "quill", "p@ss"));
    }

    @Test
    void refusesOtherSchemes() {
        assertThatThrownBy(() -> DatabaseUrl.parse("mysql://x/y")).hasMessageContaining("QUILLSTREAM_DATABASE_URL");
    }
}
