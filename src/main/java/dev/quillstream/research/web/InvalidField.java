package dev.quillstream.research.web;

/** Bad input found after binding, naming the JSON field (or form part) at fault. */
final class InvalidField extends RuntimeException {

    private final String field;

    InvalidField(String field, String message) {
        super(message);
        this.field = field;
    }

    String field() {
        return field;
    }
}
