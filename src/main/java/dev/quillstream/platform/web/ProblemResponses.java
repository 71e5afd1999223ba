package dev.quillstream.platform.web;

import jakarta.validation.ConstraintViolationException;
import java.net.URI;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.DatabindException;

/**
 * Every error leaves as RFC 9457 {@code application/problem+json}. Bad input is a 400 that names
 * the field ({@code errors[].field}); nothing a client sends can produce a 500.
 */
@RestControllerAdvice
class ProblemResponses extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemResponses.class);

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldError> errors = ex.getBindingResult().getFieldErrors().stream()
                .map(e -> new FieldError(snakeCase(e.getField()), e.getDefaultMessage()))
                .sorted(Comparator.comparing(FieldError::field))
                .toList();
        return badRequest(errors);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        Throwable cause = ex.getCause();
        if (cause instanceof StreamReadException parse) {
            return badRequest(List.of(new FieldError("body", "malformed JSON: " + parse.getOriginalMessage())));
        }
        if (cause instanceof DatabindException binding && !binding.getPath().isEmpty()) {
            return badRequest(List.of(new FieldError(path(binding), bindingMessage(binding))));
        }
        return badRequest(List.of(new FieldError("body", "the request body is missing or is not a JSON object")));
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<Object> constraintViolation(ConstraintViolationException ex) {
        return badRequest(ex.getConstraintViolations().stream()
                .map(v -> new FieldError(lastNode(v.getPropertyPath().toString()), v.getMessage()))
                .toList());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Object> typeMismatch(MethodArgumentTypeMismatchException ex) {
        return badRequest(List.of(new FieldError(ex.getName(), "must be " + typeName(ex.getRequiredType()))));
    }

    @ExceptionHandler(InvalidField.class)
    ResponseEntity<Object> invalidField(InvalidField ex) {
        return badRequest(List.of(new FieldError(ex.field(), ex.getMessage())));
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<Object> illegalArgument(IllegalArgumentException ex) {
        return badRequest(List.of(new FieldError("body", ex.getMessage())));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception ex) {
        log.error("Unexpected failure", ex);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.INTERNAL_SERVER_ERROR, "An unexpected error occurred; it has been logged.");
        return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR).body(problem);
    }

    /** One problem for all invalid fields, {@code detail} naming each. */
    static ResponseEntity<Object> badRequest(List<FieldError> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.BAD_REQUEST,
                errors.stream().map(e -> e.field() + ": " + e.message()).collect(Collectors.joining("; ")));
        problem.setTitle("Invalid request");
        problem.setType(URI.create("https://quillstream.dev/problems/invalid-request"));
        problem.setProperty(
                "errors",
                errors.stream()
                        .map(e -> Map.of("field", e.field(), "message", e.message()))
                        .toList());
        return ResponseEntity.badRequest().body(problem);
    }

    private static String path(DatabindException binding) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : binding.getPath()) {
            if (reference.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String bindingMessage(DatabindException binding) {
        Throwable root = binding;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        if (root instanceof IllegalArgumentException && root.getMessage() != null) {
            return root.getMessage();
        }
        if (binding instanceof tools.jackson.databind.exc.MismatchedInputException mismatch
                && mismatch.getTargetType() != null) {
            return "must be " + typeName(mismatch.getTargetType());
        }
        return "has the wrong type or format";
    }

    private static String typeName(@Nullable Class<?> type) {
        if (type == null) {
            return "value";
        }
        if (type == String.class) {
            return "a string";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "a boolean";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return "a number";
        }
        if (List.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        if (type.isEnum()) {
            return "one of " + List.of(type.getEnumConstants()).toString().toLowerCase(java.util.Locale.ROOT);
        }
        return "a JSON object";
    }

    private static String lastNode(String propertyPath) {
        int dot = propertyPath.lastIndexOf('.');
        return snakeCase(dot < 0 ? propertyPath : propertyPath.substring(dot + 1));
    }

    /** Bean Validation names Java properties; clients see the JSON (snake_case) names. */
    static String snakeCase(String field) {
        return field.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
    }

    record FieldError(String field, String message) {}
}
