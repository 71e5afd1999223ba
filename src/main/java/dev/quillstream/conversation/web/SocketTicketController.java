package dev.quillstream.conversation.web;

import dev.quillstream.accounts.AccountId;
import dev.quillstream.accounts.SocketTickets;
import dev.quillstream.conversation.Conversations;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/ws-tickets}: a single-use ticket to open {@code /ws/conversation/{id}?ticket=…}
 * from a browser, which cannot send its key in a header there. Asked for with the API key.
 */
@RestController
class SocketTicketController {

    private final SocketTickets tickets;

    SocketTicketController(SocketTickets tickets) {
        this.tickets = tickets;
    }

    /** @param conversationId when given, the ticket opens only this conversation */
    record TicketRequest(@Nullable String conversationId) {}

    /** @param url where the ticket opens the conversation's socket, when it names one */
    record TicketResponse(
            String ticket,
            Instant expiresAt,
            @Nullable String conversationId,
            @Nullable String url) {}

    @PostMapping("/api/v1/ws-tickets")
    ResponseEntity<TicketResponse> issue(
            AccountId account, @RequestBody(required = false) @Nullable TicketRequest request) {
        String conversation = request == null ? null : request.conversationId();
        if (conversation != null) {
            Conversations.validate(conversation);
        }
        SocketTickets.IssuedTicket issued = tickets.issue(account, conversation);
        String url = conversation == null ? null : "/ws/conversation/" + conversation + "?ticket=" + issued.ticket();
        return ResponseEntity.status(HttpStatus.CREATED)
                .cacheControl(CacheControl.noStore())
                .body(new TicketResponse(issued.ticket(), issued.expiresAt(), conversation, url));
    }
}
