package dev.quillstream.research.web;

import dev.quillstream.research.ResearchUnavailable;
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
 * Research failures as problem+json: bad input found after binding is a 400 naming the field (the
 * shape {@code platform.web.ProblemResponses} uses); no source answering is a 503 listing each
 * source's failure, with {@code Retry-After} when every one was rate limited and said when.
 */
@RestControllerAdvice(assignableTypes = {ResearchController.class, LibraryController.class})
@Order(Ordered.HIGHEST_PRECEDENCE)
class ResearchProblems {

    @ExceptionHandler(InvalidField.class)
    ResponseEntity<ProblemDetail> invalidField(InvalidField invalid) {
        ProblemDetail problem =
                ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, invalid.field() + ": " + invalid.getMessage());
        problem.setTitle("Invalid request");
        problem.setType(URI.create("https://quillstream.dev/problems/invalid-request"));
        problem.setProperty("errors", List.of(Map.of("field", invalid.field(), "message", invalid.getMessage())));
        return ResponseEntity.badRequest().body(problem);
    }

    @ExceptionHandler(ResearchUnavailable.class)
    ResponseEntity<ProblemDetail> unavailable(ResearchUnavailable failure) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, failure.getMessage());
        problem.setTitle("No research source answered");
        problem.setType(URI.create("https://quillstream.dev/problems/research-unavailable"));
        problem.setProperty(
                "warnings",
                failure.warnings().stream()
                        .map(w -> Map.of("source", w.source(), "message", w.message()))
                        .toList());
        HttpHeaders headers = new HttpHeaders();
        failure.retryAfter().ifPresent(wait -> headers.set(HttpHeaders.RETRY_AFTER, Long.toString(wait.toSeconds())));
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .headers(headers)
                .body(problem);
    }
}
