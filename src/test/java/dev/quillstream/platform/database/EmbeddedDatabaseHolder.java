package dev.quillstream.platform.database;

import java.nio.file.Path;
import java.sql.Connection;
import javax.sql.DataSource;

/** A separate JVM that owns an embedded database until it is killed: what a crashed node leaves. */
final class EmbeddedDatabaseHolder {

    private EmbeddedDatabaseHolder() {}

    public static void main(String[] args) throws Exception {
        DatabaseConfiguration configuration = new DatabaseConfiguration();
        DataSource pool = configuration.dataSource("", Path.of(args[0]), 2, configuration.embeddedDatabase());
        try (Connection connection = pool.getConnection()) {
            connection.createStatement().execute("create table notes (body text)");
            connection.createStatement().execute("insert into notes values ('written before the crash')");
        }
        System.out.println("ready");
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
