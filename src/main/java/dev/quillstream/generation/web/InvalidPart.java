package dev.quillstream.generation.web;

/** A chapter or section number that names no part of the book: a 400 naming the field. */
final class InvalidPart extends RuntimeException {

    private final String field;

    InvalidPart(String field, String message) {
        super(message);
        this.field = field;
    }

    String field() {
        return field;
    }
}
