package dev.quillstream.generation.web;

import dev.quillstream.generation.GenerationFailed;
import dev.quillstream.generation.NoSourcesFound;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** A generation that could not be completed is the model's failure, not the client's: 502. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class GenerationProblems {

    private static final Logger log = LoggerFactory.getLogger(GenerationProblems.class);

    /** Research found nothing to ground the post in: the request cannot be met as it stands. */
    @ExceptionHandler(NoSourcesFound.class)
    ProblemDetail noSources(NoSourcesFound failure) {
        ProblemDetail problem =
                ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT, failure.getMessage());
        problem.setTitle("No sources found");
        return problem;
    }

    @ExceptionHandler(GenerationFailed.class)
    ProblemDetail generationFailed(GenerationFailed failure) {
        log.warn("Generation failed: {}", failure.getMessage());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_GATEWAY, failure.getMessage());
        problem.setTitle("Generation failed");
        return problem;
    }
}
