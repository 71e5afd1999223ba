package dev.quillstream.research.local;

import java.time.Instant;
import java.util.UUID;

/**
 * A document of the research library, as listed (no text).
 *
 * @param origin {@code folder} (the shared library folder) or {@code upload} (the caller's)
 * @param path the path inside the library folder, or the uploaded file's name
 * @param url how research results and references name it
 */
public record LibraryDocument(
        UUID id,
        String origin,
        String path,
        String title,
        String mediaType,
        String url,
        long sizeBytes,
        int characters,
        Instant indexedAt) {}
