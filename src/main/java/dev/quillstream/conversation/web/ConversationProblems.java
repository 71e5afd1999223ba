package dev.quillstream.conversation.web;

import dev.quillstream.conversation.Conversations;
import java.util.List;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** An unknown (or someone else's) conversation is a 404; an unusable id a 400 naming {@code conversation_id}. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class ConversationProblems {

    @ExceptionHandler(Conversations.ConversationNotFound.class)
    ProblemDetail notFound(Conversations.ConversationNotFound failure) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, failure.getMessage());
        problem.setTitle("Not found");
        return problem;
    }

    @ExceptionHandler(Conversations.InvalidConversationId.class)
    ProblemDetail invalidId(Conversations.InvalidConversationId failure) {
        ProblemDetail problem =
                ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "conversation_id: " + failure.getMessage());
        problem.setTitle("Invalid request");
        problem.setProperty("errors", List.of(Map.of("field", "conversation_id", "message", failure.getMessage())));
        return problem;
    }
}
