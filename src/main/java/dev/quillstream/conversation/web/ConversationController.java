package dev.quillstream.conversation.web;

import dev.quillstream.accounts.AccountId;
import dev.quillstream.conversation.Conversation;
import dev.quillstream.conversation.Conversations;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.Map;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The seed's {@code GET|DELETE /api/v1/conversations/{id}}, with paged messages. */
@RestController
@Validated
@RequestMapping("/api/v1/conversations")
class ConversationController {

    private final Conversations conversations;

    ConversationController(Conversations conversations) {
        this.conversations = conversations;
    }

    /** {@code {id, messages[{role, content, timestamp}], created_at}} plus paging and the stream's last seq. */
    @GetMapping("/{id}")
    Conversation get(
            AccountId account,
            @PathVariable String id,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(200) int size) {
        return conversations
                .find(account.value(), id, page, size)
                .orElseThrow(() -> new Conversations.ConversationNotFound(id));
    }

    @DeleteMapping("/{id}")
    Map<String, Boolean> delete(AccountId account, @PathVariable String id) {
        if (!conversations.delete(account.value(), id)) {
            throw new Conversations.ConversationNotFound(id);
        }
        return Map.of("success", true);
    }
}
