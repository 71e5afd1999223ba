package dev.quillstream.export;

/**
 * A rendered export in the blob store.
 *
 * @param key where it is stored (content id, content hash, renderer version)
 * @param fileName what a download should be called ({@code <slug>.<extension>})
 * @param reused true when an identical export was already stored and nothing was rendered
 */
public record ExportedFile(
        String key, ExportFormat format, String fileName, long bytes, String contentType, boolean reused) {}
