package dev.quillstream.publishing.web;

import dev.quillstream.publishing.PublishFailed;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * A target's refusal as problem+json the caller can act on: rejected credentials, a forbidden
 * destination or refused content are {@code 422} (a {@code 401} would read as our own API key
 * failing), a stale file {@code 409}, rate limits {@code 429} with {@code Retry-After}, a target
 * that failed {@code 502}, a refused site URL {@code 400} naming {@code site_url}. Every problem
 * says which target and what it answered ({@code provider_status}).
 */
@RestControllerAdvice(assignableTypes = PublishController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class PublishProblems {

    @ExceptionHandler(PublishFailed.class)
    ResponseEntity<ProblemDetail> failed(PublishFailed failure) {
        HttpStatus status = switch (failure.kind()) {
            case CREDENTIALS_REJECTED, FORBIDDEN, INVALID -> HttpStatus.UNPROCESSABLE_CONTENT;
            case CONFLICT -> HttpStatus.CONFLICT;
            case RATE_LIMITED -> HttpStatus.TOO_MANY_REQUESTS;
            case UNAVAILABLE -> HttpStatus.BAD_GATEWAY;
            case DESTINATION_REFUSED -> HttpStatus.BAD_REQUEST;
        };
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, failure.getMessage());
        problem.setTitle(
                switch (failure.kind()) {
                    case CREDENTIALS_REJECTED -> "The target rejected the credentials";
                    case FORBIDDEN -> "The target does not allow this";
                    case INVALID -> "The target refused the request";
                    case CONFLICT -> "The target's copy changed meanwhile";
                    case RATE_LIMITED -> "The target is rate limiting";
                    case UNAVAILABLE -> "The target failed";
                    case DESTINATION_REFUSED -> "Destination not allowed";
                });
        problem.setType(URI.create("https://quillstream.dev/problems/publish-"
                + failure.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-')));
        problem.setProperty("target", failure.target().id());
        problem.setProperty("provider_status", failure.providerStatus());
        if (failure.kind() == PublishFailed.Kind.DESTINATION_REFUSED) {
            problem.setProperty("errors", List.of(Map.of("field", "site_url", "message", failure.getMessage())));
        }
        HttpHeaders headers = new HttpHeaders();
        if (failure.retryAfter() != null) {
            headers.set(
                    HttpHeaders.RETRY_AFTER,
                    Long.toString(Math.max(1, failure.retryAfter().toSeconds())));
            problem.setProperty("retry_after_seconds", failure.retryAfter().toSeconds());
        }
        return ResponseEntity.status(status).headers(headers).body(problem);
    }
}
