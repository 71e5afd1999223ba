package dev.quillstream.llm.web;

import dev.quillstream.llm.ModelException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Maps a model failure that survived retries to a problem response: 503 with {@code Retry-After}
 * when waiting can help, 502 when the provider refused the call. Provider messages are not echoed:
 * they may contain account details.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class ModelProblems {

    private static final Logger log = LoggerFactory.getLogger(ModelProblems.class);

    @ExceptionHandler(ModelException.class)
    ResponseEntity<ProblemDetail> modelFailed(ModelException failure) {
        log.warn("Model call failed: {}", failure.getMessage());
        HttpStatus status = failure.retryable() ? HttpStatus.SERVICE_UNAVAILABLE : HttpStatus.BAD_GATEWAY;
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                status,
                "The language model provider '" + failure.provider() + "' failed ("
                        + failure.getClass().getSimpleName() + ")"
                        + (failure.retryable() ? "; try again later." : "."));
        problem.setTitle("Model provider failure");
        problem.setProperty("provider", failure.provider());
        problem.setProperty("retryable", failure.retryable());
        var response = ResponseEntity.status(status);
        failure.retryAfter()
                .ifPresent(
                        wait -> response.header(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, wait.toSeconds()))));
        return response.body(problem);
    }
}
