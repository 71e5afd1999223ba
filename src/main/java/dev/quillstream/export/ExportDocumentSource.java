package dev.quillstream.export;

import tools.jackson.databind.JsonNode;

/**
 * Turns one kind of stored content (as {@code ContentStore.findDocument} returns it) into an
 * {@link ExportDocument}. The blog source is built in; a module that adds a kind of content (books)
 * registers a bean of this type and every format, download link and publisher works for it.
 */
public interface ExportDocumentSource {

    /** Whether this source understands the stored document (for example: it has {@code chapters}). */
    boolean supports(JsonNode stored);

    ExportDocument toDocument(JsonNode stored);
}
