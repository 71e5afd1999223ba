package dev.quillstream.export;

/**
 * Renders a document to one format. Renderers are pure (same document, same bytes as far as the
 * format allows) and sanitise every piece of model text they turn into markup.
 */
public interface Exporter {

    ExportFormat format();

    /**
     * Bumped whenever the output for the same document changes, so stored exports made by an
     * older renderer are rebuilt instead of reused.
     */
    int version();

    byte[] render(ExportDocument document);
}
