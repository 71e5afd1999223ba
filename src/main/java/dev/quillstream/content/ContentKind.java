package dev.quillstream.content;

/** What a stored document is. */
public enum ContentKind {
    BLOG,
    BOOK;

    @com.fasterxml.jackson.annotation.JsonValue
    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
