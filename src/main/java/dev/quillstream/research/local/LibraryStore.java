package dev.quillstream.research.local;

import dev.quillstream.research.SourceHit;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The library's documents in PostgreSQL, searched with full-text search: the query's words are
 * stemmed (English) and OR-ed, documents ranked by cover density ({@code ts_rank_cd}), the snippet
 * is {@code ts_headline}'s best fragments. An account sees the shared folder and its own uploads.
 */
public final class LibraryStore {

    private static final String COLUMNS =
            "id, origin, path, title, media_type, url, size_bytes, length(content) as characters, indexed_at";

    private final JdbcClient jdbc;

    public LibraryStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<SourceHit> search(String query, @Nullable UUID owner, int limit) {
        return jdbc.sql("""
                        with q as (
                            select to_tsquery('simple', string_agg(quote_literal(lexeme), ' | ')) as query
                            from unnest(to_tsvector('english', :query))
                        ),
                        best as (
                            select d.title, d.url, d.content, ts_rank_cd(d.search, q.query, 1) as rank
                            from research_documents d, q
                            where q.query is not null
                              and d.search @@ q.query
                              and (d.owner_id is null or d.owner_id = cast(:owner as uuid))
                            order by rank desc, d.title
                            limit :limit
                        )
                        select best.title, best.url, best.rank,
                               ts_headline('english', left(best.content, 200000), q.query,
                                   'MaxWords=45, MinWords=20, MaxFragments=2, FragmentDelimiter=" … ", StartSel="", StopSel=""')
                                   as snippet
                        from best, q
                        order by best.rank desc, best.title
                        """)
                .param("query", query)
                .param("owner", owner)
                .param("limit", limit)
                .query((rs, row) -> new SourceHit(
                        rs.getString("title"),
                        rs.getString("url"),
                        rs.getString("snippet").replaceAll("\\s+", " "),
                        null))
                .list();
    }

    /** The revision of the whole library: it changes whenever any document is added, changed or removed. */
    public long revision() {
        return jdbc.sql("select revision from research_library_revision")
                .query(Long.class)
                .single();
    }

    public Optional<String> text(String url, @Nullable UUID owner) {
        return jdbc.sql("""
                        select content from research_documents
                        where url = :url and (owner_id is null or owner_id = cast(:owner as uuid))
                        """)
                .param("url", url)
                .param("owner", owner)
                .query(String.class)
                .optional();
    }

    /** The file hash of a folder document, to skip re-extracting unchanged files. */
    Optional<String> folderHash(String path) {
        return jdbc.sql("select file_sha256 from research_documents where origin = 'folder' and path = :path")
                .param("path", path)
                .query(String.class)
                .optional();
    }

    void upsertFolder(String path, String url, DocumentExtractor.Extracted document, String sha256, long size) {
        jdbc.sql("""
                        insert into research_documents
                            (id, owner_id, origin, url, path, title, media_type, content, file_sha256, size_bytes)
                        values (:id, null, 'folder', :url, :path, :title, :type, :content, :sha, :size)
                        on conflict (url) do update set
                            title = excluded.title, media_type = excluded.media_type, content = excluded.content,
                            file_sha256 = excluded.file_sha256, size_bytes = excluded.size_bytes, indexed_at = now()
                        where research_documents.file_sha256 <> excluded.file_sha256
                        """)
                .param("id", UUID.randomUUID())
                .param("url", url)
                .param("path", path)
                .param("title", document.title())
                .param("type", document.mediaType())
                .param("content", document.text())
                .param("sha", sha256)
                .param("size", size)
                .update();
    }

    /** Removes folder documents whose file is gone; returns how many. */
    int deleteFolderExcept(Collection<String> presentPaths) {
        List<String> indexed = jdbc.sql("select path from research_documents where origin = 'folder'")
                .query(String.class)
                .list();
        int removed = 0;
        for (String path : indexed) {
            if (!presentPaths.contains(path)) {
                removed += jdbc.sql("delete from research_documents where origin = 'folder' and path = :path")
                        .param("path", path)
                        .update();
            }
        }
        return removed;
    }

    LibraryDocument insertUpload(
            UUID owner,
            UUID id,
            String fileName,
            String url,
            DocumentExtractor.Extracted document,
            String sha256,
            long size) {
        jdbc.sql("""
                        insert into research_documents
                            (id, owner_id, origin, url, path, title, media_type, content, file_sha256, size_bytes)
                        values (:id, :owner, 'upload', :url, :path, :title, :type, :content, :sha, :size)
                        """)
                .param("id", id)
                .param("owner", owner)
                .param("url", url)
                .param("path", fileName)
                .param("title", document.title())
                .param("type", document.mediaType())
                .param("content", document.text())
                .param("sha", sha256)
                .param("size", size)
                .update();
        return find(owner, id).orElseThrow();
    }

    Optional<LibraryDocument> uploadWithHash(UUID owner, String sha256) {
        return jdbc.sql("select " + COLUMNS
                        + " from research_documents where owner_id = :owner and origin = 'upload' and file_sha256 = :sha"
                        + " limit 1")
                .param("owner", owner)
                .param("sha", sha256)
                .query(LibraryStore::document)
                .optional();
    }

    public Optional<LibraryDocument> find(UUID owner, UUID id) {
        return jdbc.sql("select " + COLUMNS
                        + " from research_documents where id = :id and (owner_id is null or owner_id = :owner)")
                .param("id", id)
                .param("owner", owner)
                .query(LibraryStore::document)
                .optional();
    }

    public Optional<String> content(UUID owner, UUID id) {
        return jdbc.sql(
                        "select content from research_documents where id = :id and (owner_id is null or owner_id = :owner)")
                .param("id", id)
                .param("owner", owner)
                .query(String.class)
                .optional();
    }

    /** The shared folder's documents and the account's uploads, newest first. */
    public List<LibraryDocument> list(UUID owner, int page, int size) {
        return jdbc.sql("select " + COLUMNS + """
                         from research_documents
                        where owner_id is null or owner_id = :owner
                        order by indexed_at desc, id
                        limit :size offset :offset
                        """)
                .param("owner", owner)
                .param("size", size)
                .param("offset", (long) page * size)
                .query(LibraryStore::document)
                .list();
    }

    public long count(UUID owner) {
        return jdbc.sql("select count(*) from research_documents where owner_id is null or owner_id = :owner")
                .param("owner", owner)
                .query(Long.class)
                .single();
    }

    /** Deletes one of the account's uploads; folder documents are not deleted here (remove the file). */
    public boolean deleteUpload(UUID owner, UUID id) {
        return jdbc.sql("delete from research_documents where id = :id and owner_id = :owner and origin = 'upload'")
                        .param("id", id)
                        .param("owner", owner)
                        .update()
                > 0;
    }

    private static LibraryDocument document(ResultSet rs, int row) throws SQLException {
        return new LibraryDocument(
                rs.getObject("id", UUID.class),
                rs.getString("origin"),
                rs.getString("path"),
                rs.getString("title"),
                rs.getString("media_type"),
                rs.getString("url"),
                rs.getLong("size_bytes"),
                rs.getInt("characters"),
                rs.getObject("indexed_at", Timestamp.class).toInstant());
    }
}
