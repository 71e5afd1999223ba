package dev.quillstream.content.persistence;

import dev.quillstream.content.BlogPost;
import dev.quillstream.content.Book;
import dev.quillstream.content.ContentKind;
import dev.quillstream.content.ContentPage;
import dev.quillstream.content.ContentStore;
import dev.quillstream.content.ContentSummary;
import java.sql.Timestamp;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@Repository
class JdbcContentStore implements ContentStore {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    JdbcContentStore(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @Override
    public void saveBlog(UUID owner, BlogPost post) {
        insert(owner, UUID.fromString(post.id()), ContentKind.BLOG, post.title(), post);
    }

    @Override
    public void saveBook(UUID owner, Book book) {
        insert(owner, UUID.fromString(book.id()), ContentKind.BOOK, book.title(), book);
    }

    @Override
    public boolean replaceBook(UUID owner, Book book) {
        return jdbc.sql("""
                        update contents set document = cast(:document as jsonb), title = :title, updated_at = now()
                        where id = :id and owner_id = :owner and kind = 'book'
                        """)
                        .param("id", UUID.fromString(book.id()))
                        .param("owner", owner)
                        .param("title", book.title())
                        .param("document", json.writeValueAsString(book))
                        .update()
                == 1;
    }

    @Override
    public Optional<Book> findBook(UUID owner, UUID id) {
        return jdbc.sql("select document::text from contents where id = :id and owner_id = :owner and kind = 'book'")
                .param("id", id)
                .param("owner", owner)
                .query(String.class)
                .optional()
                .map(text -> json.readValue(text, Book.class));
    }

    private void insert(UUID owner, UUID id, ContentKind kind, String title, Object document) {
        jdbc.sql("""
                        insert into contents (id, owner_id, kind, title, document)
                        values (:id, :owner, :kind, :title, cast(:document as jsonb))
                        """)
                .param("id", id)
                .param("owner", owner)
                .param("kind", kind.id())
                .param("title", title)
                .param("document", json.writeValueAsString(document))
                .update();
    }

    @Override
    public Optional<JsonNode> findDocument(UUID owner, UUID id) {
        return jdbc.sql("select document::text from contents where id = :id and owner_id = :owner")
                .param("id", id)
                .param("owner", owner)
                .query(String.class)
                .optional()
                .map(json::readTree);
    }

    @Override
    public Optional<BlogPost> findBlog(UUID owner, UUID id) {
        return findDocument(owner, id).map(document -> json.treeToValue(document, BlogPost.class));
    }

    @Override
    public ContentPage list(UUID owner, int page, int size) {
        List<ContentSummary> items = jdbc.sql("""
                        select id, kind, title, created_at from contents
                        where owner_id = :owner
                        order by created_at desc, id desc
                        limit :size offset :offset
                        """)
                .param("owner", owner)
                .param("size", size)
                .param("offset", (long) page * size)
                .query((rs, row) -> new ContentSummary(
                        rs.getObject("id", UUID.class),
                        ContentKind.valueOf(rs.getString("kind").toUpperCase(Locale.ROOT)),
                        rs.getString("title"),
                        rs.getObject("created_at", Timestamp.class).toInstant()))
                .list();
        return new ContentPage(items, page, size, count(owner));
    }

    @Override
    public long count(UUID owner) {
        return jdbc.sql("select count(*) from contents where owner_id = :owner")
                .param("owner", owner)
                .query(Long.class)
                .single();
    }

    @Override
    public List<ContentSummary> similar(UUID owner, List<String> terms, UUID except, int limit) {
        String query = terms.stream()
                .map(t -> t.replaceAll("[\"'()|&!:<>-]", " ").strip())
                .filter(t -> !t.isEmpty())
                .map(t -> t.contains(" ") ? "\"" + t + "\"" : t)
                .collect(java.util.stream.Collectors.joining(" or "));
        if (query.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        select id, kind, title, created_at from contents, websearch_to_tsquery('english', :query) q
                        where owner_id = :owner and id <> :except and search @@ q
                        order by ts_rank(search, q) desc, created_at desc
                        limit :limit
                        """)
                .param("query", query)
                .param("owner", owner)
                .param("except", except)
                .param("limit", limit)
                .query((rs, row) -> new ContentSummary(
                        rs.getObject("id", UUID.class),
                        ContentKind.valueOf(rs.getString("kind").toUpperCase(Locale.ROOT)),
                        rs.getString("title"),
                        rs.getObject("created_at", Timestamp.class).toInstant()))
                .list();
    }
}
