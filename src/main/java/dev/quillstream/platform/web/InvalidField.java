package dev.quillstream.platform.web;

/**
 * Bad input found after binding, naming the JSON field (or query parameter) at fault; answered as
 * the same 400 problem as a validation failure ({@code errors[].field}).
 */
public class InvalidField extends RuntimeException {

    private final String field;

    public InvalidField(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
