package dev.quillstream.research.web;

import dev.quillstream.accounts.AccountId;
import dev.quillstream.research.local.DocumentExtractor;
import dev.quillstream.research.local.Library;
import dev.quillstream.research.local.LibraryDocument;
import dev.quillstream.research.local.LibraryStore;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;

/**
 * The caller's research library: upload a document (Markdown, text, HTML or PDF, multipart field
 * {@code file}), list what the {@code local} source searches (the shared library folder and the
 * caller's uploads), read one document's extracted text, delete an upload.
 */
@RestController
@RequestMapping("/api/v1/library/documents")
@Validated
class LibraryController {

    private final Library library;
    private final LibraryStore store;

    LibraryController(Library library, LibraryStore store) {
        this.library = library;
        this.store = store;
    }

    record DocumentPage(List<LibraryDocument> items, int page, int size, long total) {}

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<LibraryDocument> upload(AccountId account, @RequestPart("file") MultipartFile file) {
        if (file.isEmpty()) {
            throw new InvalidField("file", "must not be empty");
        }
        byte[] bytes;
        try {
            bytes = file.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Library.Upload upload;
        try {
            upload = library.upload(
                    account.value(),
                    file.getOriginalFilename() == null ? "document" : file.getOriginalFilename(),
                    file.getContentType(),
                    bytes);
        } catch (DocumentExtractor.UnsupportedDocument e) {
            throw new InvalidField("file", e.getMessage());
        }
        LibraryDocument document = upload.document();
        if (upload.existed()) {
            return ResponseEntity.ok(document);
        }
        return ResponseEntity.created(URI.create("/api/v1/library/documents/" + document.id()))
                .body(document);
    }

    @GetMapping
    DocumentPage list(
            AccountId account,
            @RequestParam(defaultValue = "0") @Min(value = 0, message = "must be at least 0") int page,
            @RequestParam(defaultValue = "20")
                    @Min(value = 1, message = "must be at least 1")
                    @Max(value = 100, message = "must be at most 100")
                    int size) {
        return new DocumentPage(store.list(account.value(), page, size), page, size, store.count(account.value()));
    }

    @GetMapping("/{id}")
    LibraryDocument document(AccountId account, @PathVariable UUID id) {
        return store.find(account.value(), id).orElseThrow(() -> notFound(id));
    }

    @GetMapping(value = "/{id}/text", produces = MediaType.TEXT_PLAIN_VALUE)
    String text(AccountId account, @PathVariable UUID id) {
        return store.content(account.value(), id).orElseThrow(() -> notFound(id));
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(AccountId account, @PathVariable UUID id) {
        LibraryDocument document = store.find(account.value(), id).orElseThrow(() -> notFound(id));
        if (!document.origin().equals("upload")) {
            throw new ResponseStatusException(
                    HttpStatus.CONFLICT, "documents of the library folder are removed by deleting their file");
        }
        store.deleteUpload(account.value(), id);
        return ResponseEntity.noContent().build();
    }

    private static ResponseStatusException notFound(UUID id) {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, "no library document " + id);
    }
}
