package dev.quillstream.conversation;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Conversations and their messages in PostgreSQL. */
@Repository
class ConversationStore {

    private final JdbcClient jdbc;

    ConversationStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Creates the conversation for {@code owner} unless it exists; returns its owner. */
    UUID createIfAbsent(String id, UUID owner) {
        jdbc.sql("insert into conversations (id, owner_id) values (:id, :owner) on conflict (id) do nothing")
                .param("id", id)
                .param("owner", owner)
                .update();
        return jdbc.sql("select owner_id from conversations where id = :id")
                .param("id", id)
                .query(UUID.class)
                .single();
    }

    Optional<Head> head(String id) {
        return jdbc.sql("select id, owner_id, content_id, created_at, last_active_at from conversations where id = :id")
                .param("id", id)
                .query((rs, n) -> new Head(
                        rs.getString("id"),
                        rs.getObject("owner_id", UUID.class),
                        rs.getObject("content_id", UUID.class),
                        rs.getTimestamp("created_at").toInstant(),
                        rs.getTimestamp("last_active_at").toInstant()))
                .optional();
    }

    /** Appends a message at the next position (the conversation row is locked meanwhile). */
    @Transactional
    Instant addMessage(String id, String role, String content, @Nullable UUID job) {
        jdbc.sql("update conversations set last_active_at = now() where id = :id")
                .param("id", id)
                .update();
        return jdbc.sql("""
                        insert into conversation_messages (conversation_id, position, role, content, job_id)
                        select :id, coalesce(max(position), 0) + 1, :role, :content, :job
                        from conversation_messages where conversation_id = :id
                        returning created_at""")
                .param("id", id)
                .param("role", role)
                .param("content", content)
                .param("job", job)
                .query(Timestamp.class)
                .single()
                .toInstant();
    }

    void setContent(String id, UUID content) {
        jdbc.sql("update conversations set content_id = :content, last_active_at = now() where id = :id")
                .param("id", id)
                .param("content", content)
                .update();
    }

    List<Conversation.Message> messages(String id, int page, int size) {
        return jdbc.sql("""
                        select role, content, created_at, job_id from conversation_messages
                        where conversation_id = :id order by position limit :size offset :offset""")
                .param("id", id)
                .param("size", size)
                .param("offset", (long) page * size)
                .query((rs, n) -> new Conversation.Message(
                        rs.getString("role"),
                        rs.getString("content"),
                        rs.getTimestamp("created_at").toInstant(),
                        rs.getObject("job_id", UUID.class)))
                .list();
    }

    long countMessages(String id) {
        return jdbc.sql("select count(*) from conversation_messages where conversation_id = :id")
                .param("id", id)
                .query(Long.class)
                .single();
    }

    boolean delete(String id, UUID owner) {
        return jdbc.sql("delete from conversations where id = :id and owner_id = :owner")
                        .param("id", id)
                        .param("owner", owner)
                        .update()
                == 1;
    }

    /** Deletes conversations idle for longer than {@code ttl}; returns their ids. */
    List<String> purgeIdle(Duration ttl) {
        return jdbc.sql("delete from conversations where last_active_at < :before returning id")
                .param("before", Timestamp.from(Instant.now().minus(ttl)))
                .query(String.class)
                .list();
    }

    record Head(String id, UUID owner, @Nullable UUID contentId, Instant createdAt, Instant lastActiveAt) {}
}
