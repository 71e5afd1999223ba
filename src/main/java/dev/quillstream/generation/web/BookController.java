package dev.quillstream.generation.web;

import dev.quillstream.accounts.AccountId;
import dev.quillstream.content.Book;
import dev.quillstream.content.ContentStore;
import dev.quillstream.conversation.Conversations;
import dev.quillstream.generation.BookRequest;
import dev.quillstream.jobs.NewJob;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The seed's {@code POST /api/v1/generate-book}, and edits of one chapter or section of a stored
 * book. Each runs as a durable job: a book by default asynchronously ({@code 202} and the job's
 * location; {@code "async": false} waits for the book), an edit by default while the request waits
 * ({@code "async": true} for the job's location). Progress and text stream to the conversation.
 */
@RestController
@RequestMapping("/api/v1")
class BookController {

    private final JobResponses responses;
    private final ContentStore contents;
    private final Conversations conversations;
    private final JsonMapper json;

    BookController(JobResponses responses, ContentStore contents, Conversations conversations, JsonMapper json) {
        this.responses = responses;
        this.contents = contents;
        this.conversations = conversations;
        this.json = json;
    }

    /** What an edit may say: how to rewrite the part (optional), and whether to wait for it. */
    record Regeneration(
            @Nullable @Size(max = 2000, message = "must be at most 2000 characters")
            String instructions,

            @Nullable Boolean async) {}

    @PostMapping("/generate-book")
    ResponseEntity<?> generateBook(AccountId account, @Valid @RequestBody BookRequest request) throws Exception {
        if (request.conversationId() != null) {
            conversations.open(account.value(), request.conversationId());
            conversations.say(account.value(), request.conversationId(), "user", describe(request));
        }
        NewJob job = new NewJob("book", account.value(), request.conversationId(), json.valueToTree(request));
        return run(account, job, request.runsAsync());
    }

    @PostMapping("/books/{id}/chapters/{chapter}/regenerate")
    ResponseEntity<?> regenerateChapter(
            AccountId account,
            @PathVariable UUID id,
            @PathVariable int chapter,
            @Valid @RequestBody(required = false) @Nullable Regeneration body)
            throws Exception {
        return revise(account, id, chapter, null, body);
    }

    @PostMapping("/books/{id}/chapters/{chapter}/sections/{section}/regenerate")
    ResponseEntity<?> regenerateSection(
            AccountId account,
            @PathVariable UUID id,
            @PathVariable int chapter,
            @PathVariable int section,
            @Valid @RequestBody(required = false) @Nullable Regeneration body)
            throws Exception {
        return revise(account, id, chapter, section, body);
    }

    private ResponseEntity<?> revise(
            AccountId account, UUID id, int chapter, @Nullable Integer section, @Nullable Regeneration body)
            throws Exception {
        Book book = contents.findBook(account.value(), id)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no book " + id));
        if (chapter < 1 || chapter > book.chapters().size()) {
            throw new InvalidPart(
                    "chapter", "must be between 1 and " + book.chapters().size());
        }
        int sections = book.chapters().get(chapter - 1).topics().size();
        if (section != null && (section < 1 || section > sections)) {
            throw new InvalidPart("section", "must be between 1 and " + sections + " in chapter " + chapter);
        }
        ObjectNode payload = json.createObjectNode();
        payload.put("content_id", id.toString());
        payload.put("chapter", chapter);
        if (section != null) {
            payload.put("section", section);
        }
        if (body != null && body.instructions() != null && !body.instructions().isBlank()) {
            payload.put("instructions", body.instructions().strip());
        }
        NewJob job =
                new NewJob("book.revision", account.value(), book.metadata().conversationId(), payload);
        return run(account, job, body != null && Boolean.TRUE.equals(body.async()));
    }

    private ResponseEntity<?> run(AccountId account, NewJob job, boolean async) throws Exception {
        return responses.run(
                job, async, id -> id == null ? Optional.empty() : contents.findBook(account.value(), id), "book");
    }

    private static String describe(BookRequest request) {
        return "Write " + request.kind().description() + " titled \"" + request.title() + "\": "
                + request.chapters() + " chapters"
                + (request.keywords().isEmpty() ? "" : ", keywords " + String.join(", ", request.keywords())) + ".";
    }
}
