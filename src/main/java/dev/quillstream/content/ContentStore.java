package dev.quillstream.content;

import java.util.Optional;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/** Every document an account owns, kept as JSONB. */
public interface ContentStore {

    /** Stores a finished blog post (id taken from the post) for {@code owner}. */
    void saveBlog(UUID owner, BlogPost post);

    /** Stores a finished book (id taken from the book) for {@code owner}. */
    void saveBook(UUID owner, Book book);

    /** Replaces a stored book (an edited chapter or section); false when {@code owner} has no such book. */
    boolean replaceBook(UUID owner, Book book);

    Optional<Book> findBook(UUID owner, UUID id);

    /** The stored document as it was saved, when {@code owner} owns it. */
    Optional<JsonNode> findDocument(UUID owner, UUID id);

    Optional<BlogPost> findBlog(UUID owner, UUID id);

    ContentPage list(UUID owner, int page, int size);

    /**
     * The owner's documents most similar to {@code terms} by full-text rank, best first, excluding
     * {@code except}; for internal-link suggestions.
     */
    java.util.List<ContentSummary> similar(UUID owner, java.util.List<String> terms, UUID except, int limit);

    long count(UUID owner);
}
