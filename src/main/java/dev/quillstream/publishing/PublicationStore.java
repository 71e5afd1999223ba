package dev.quillstream.publishing;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code publications} table: external ids and URLs per content, target and destination. */
@Repository
class PublicationStore {

    private final JdbcClient jdbc;

    PublicationStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Serialises publishing of one content to one destination until the surrounding transaction
     * ends, so two concurrent calls cannot both create a post.
     */
    void lock(UUID contentId, PublishTarget target, String destination) {
        jdbc.sql("select 1 from (select pg_advisory_xact_lock(hashtextextended(:key, 7))) locked")
                .param("key", contentId + "|" + target.id() + "|" + destination)
                .query(Integer.class)
                .single();
    }

    Optional<PriorPublication> find(UUID contentId, PublishTarget target, String destination) {
        return jdbc.sql("""
                        select * from publications
                        where content_id = :content and target = :target and destination = :destination
                        """)
                .param("content", contentId)
                .param("target", target.id())
                .param("destination", destination)
                .query(PublicationStore::row)
                .optional();
    }

    List<PriorPublication> list(UUID contentId) {
        return jdbc.sql("select * from publications where content_id = :content order by first_published_at, target")
                .param("content", contentId)
                .query(PublicationStore::row)
                .list();
    }

    void save(UUID contentId, PublishTarget target, PublishOutcome outcome) {
        jdbc.sql("""
                        insert into publications (content_id, target, destination, external_id, url, revision)
                        values (:content, :target, :destination, :external, :url, :revision)
                        on conflict (content_id, target, destination) do update
                        set external_id = excluded.external_id, url = excluded.url,
                            revision = excluded.revision, last_published_at = now()
                        """)
                .param("content", contentId)
                .param("target", target.id())
                .param("destination", outcome.destination())
                .param("external", outcome.externalId())
                .param("url", outcome.url())
                .param("revision", outcome.revision())
                .update();
    }

    private static PriorPublication row(ResultSet rs, int row) throws SQLException {
        return new PriorPublication(
                PublishTarget.parse(rs.getString("target")).orElseThrow(),
                rs.getString("destination"),
                rs.getString("external_id"),
                rs.getString("url"),
                rs.getString("revision"),
                rs.getObject("first_published_at", Timestamp.class).toInstant(),
                rs.getObject("last_published_at", Timestamp.class).toInstant());
    }
}
