package dev.quillstream.content.web;

import dev.quillstream.accounts.AccountId;
import dev.quillstream.content.ContentPage;
import dev.quillstream.content.ContentStore;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import tools.jackson.databind.JsonNode;

/** Reading back what was written: one document, or a page of the caller's documents, newest first. */
@RestController
@RequestMapping("/api/v1/contents")
@Validated
class ContentController {

    private final ContentStore contents;

    ContentController(ContentStore contents) {
        this.contents = contents;
    }

    @GetMapping("/{id}")
    JsonNode content(AccountId account, @PathVariable UUID id) {
        return contents.findDocument(account.value(), id)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no content " + id));
    }

    @GetMapping
    ContentPage list(
            AccountId account,
            @RequestParam(defaultValue = "0") @Min(value = 0, message = "must be at least 0") int page,
            @RequestParam(defaultValue = "20")
                    @Min(value = 1, message = "must be at least 1")
                    @Max(value = 100, message = "must be at most 100")
                    int size) {
        return contents.list(account.value(), page, size);
    }
}
