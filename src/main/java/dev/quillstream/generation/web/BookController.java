package dev.quillstream.generation.web;

import dev.quillstream.accounts.AccountId;
import dev.quillstream.content.Book;
import dev.quillstream.content.ContentStore;
import dev.quillstream.generation.BookCheckpoints;
import dev.quillstream.generation.BookRequest;
import dev.quillstream.generation.BookWriter;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The seed's {@code POST /api/v1/generate-book}: writes a book, stores it, returns it; and edits of a
 * stored book, one chapter or one section at a time, stored in place.
 */
@RestController
@RequestMapping("/api/v1")
class BookController {

    private final BookWriter writer;
    private final ContentStore contents;
    private final UsageRecording usage;

    BookController(BookWriter writer, ContentStore contents, UsageRecording usage) {
        this.writer = writer;
        this.contents = contents;
        this.usage = usage;
    }

    /** What an edit may say: how to rewrite the part (optional). */
    record Regeneration(
            @Nullable @Size(max = 2000, message = "must be at most 2000 characters")
            String instructions) {}

    @PostMapping("/generate-book")
    Book generateBook(AccountId account, @Valid @RequestBody BookRequest request) {
        return usage.recorded(
                account,
                "book",
                listener -> {
                    Book book = writer.write(request, account.value(), listener, BookCheckpoints.NONE);
                    contents.saveBook(account.value(), book);
                    return book;
                },
                book -> UUID.fromString(book.id()));
    }

    @PostMapping("/books/{id}/chapters/{chapter}/regenerate")
    Book regenerateChapter(
            AccountId account,
            @PathVariable UUID id,
            @PathVariable int chapter,
            @Valid @RequestBody(required = false) @Nullable Regeneration body) {
        Book book = find(account, id);
        return stored(account, listener -> writer.regenerateChapter(book, chapter, instructions(body), listener));
    }

    @PostMapping("/books/{id}/chapters/{chapter}/sections/{section}/regenerate")
    Book regenerateSection(
            AccountId account,
            @PathVariable UUID id,
            @PathVariable int chapter,
            @PathVariable int section,
            @Valid @RequestBody(required = false) @Nullable Regeneration body) {
        Book book = find(account, id);
        return stored(
                account, listener -> writer.regenerateSection(book, chapter, section, instructions(body), listener));
    }

    private Book stored(
            AccountId account, java.util.function.Function<dev.quillstream.generation.GenerationListener, Book> edit) {
        return usage.recorded(
                account,
                "book",
                listener -> {
                    Book revised = edit.apply(listener);
                    contents.replaceBook(account.value(), revised);
                    return revised;
                },
                book -> UUID.fromString(book.id()));
    }

    private Book find(AccountId account, UUID id) {
        return contents.findBook(account.value(), id)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no book " + id));
    }

    private static @Nullable String instructions(@Nullable Regeneration body) {
        return body == null ? null : body.instructions();
    }
}
