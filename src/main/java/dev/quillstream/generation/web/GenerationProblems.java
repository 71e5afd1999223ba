package dev.quillstream.generation.web;

import dev.quillstream.generation.BudgetExceeded;
import dev.quillstream.generation.GenerationFailed;
import dev.quillstream.generation.NoSourcesFound;
import dev.quillstream.jobs.JobCancelled;
import dev.quillstream.jobs.JobLeaseLost;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
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

    /** A chapter or section number outside the book. */
    @ExceptionHandler(InvalidPart.class)
    ProblemDetail invalidPart(InvalidPart failure) {
        ProblemDetail problem =
                ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, failure.field() + ": " + failure.getMessage());
        problem.setTitle("Invalid request");
        problem.setType(URI.create("https://quillstream.dev/problems/invalid-request"));
        problem.setProperty("errors", List.of(Map.of("field", failure.field(), "message", failure.getMessage())));
        return problem;
    }

    @ExceptionHandler(GenerationFailed.class)
    ProblemDetail generationFailed(GenerationFailed failure) {
        log.warn("Generation failed: {}", failure.getMessage());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_GATEWAY, failure.getMessage());
        problem.setTitle("Generation failed");
        return problem;
    }

    /**
     * Over budget: a 400 naming {@code max_cost_usd} when refused on the estimate (nothing was
     * spent), a 422 when stopped mid-run, with what was spent.
     */
    @ExceptionHandler(BudgetExceeded.class)
    ResponseEntity<ProblemDetail> budgetExceeded(BudgetExceeded failure) {
        HttpStatus status = failure.estimate() ? HttpStatus.BAD_REQUEST : HttpStatus.UNPROCESSABLE_CONTENT;
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, "max_cost_usd: " + failure.getMessage());
        problem.setTitle(failure.estimate() ? "Invalid request" : "Budget exceeded");
        problem.setType(URI.create(
                failure.estimate()
                        ? "https://quillstream.dev/problems/invalid-request"
                        : "https://quillstream.dev/problems/budget-exceeded"));
        problem.setProperty("errors", List.of(Map.of("field", "max_cost_usd", "message", failure.getMessage())));
        problem.setProperty(failure.estimate() ? "estimated_cost_usd" : "spent_usd", round(failure.costUsd()));
        problem.setProperty("max_cost_usd", failure.maxCostUsd());
        return ResponseEntity.status(status).body(problem);
    }

    /** The caller's own job was cancelled (through the jobs API) while the request waited for it. */
    @ExceptionHandler(JobCancelled.class)
    ProblemDetail cancelled(JobCancelled failure) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, "the generation was cancelled");
        problem.setTitle("Cancelled");
        return problem;
    }

    /**
     * This node stalled past the job's lease and another node took it over: the job goes on there,
     * so the answer is where to find it, not a failure.
     */
    @ExceptionHandler(JobLeaseLost.class)
    ResponseEntity<ProblemDetail> leaseLost(JobLeaseLost failure) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.SERVICE_UNAVAILABLE, failure.getMessage() + "; it continues on another node");
        problem.setTitle("Moved to another node");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header("Retry-After", "5")
                .body(problem);
    }

    private static double round(double usd) {
        return Math.round(usd * 1_000_000d) / 1_000_000d;
    }
}
