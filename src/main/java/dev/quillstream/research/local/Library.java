package dev.quillstream.research.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The research library: documents dropped into the library folder (indexed by {@link #scan()},
 * which runs at start and then periodically) and documents uploaded through the API. Unchanged
 * files are recognised by their SHA-256 and not extracted again; files that disappeared leave the
 * index; a file that cannot be read is logged and skipped, never fatal.
 */
public final class Library {

    private static final Logger log = LoggerFactory.getLogger(Library.class);
    private static final int MAX_DEPTH = 16;

    /** What a scan did. */
    public record ScanSummary(int indexed, int unchanged, int removed, int skipped) {}

    /** An upload: the document, and whether the same file had been uploaded before. */
    public record Upload(LibraryDocument document, boolean existed) {}

    private final LibraryStore store;
    private final DocumentExtractor extractor;
    private final Path folder;
    private final long maxFileBytes;

    public Library(LibraryStore store, DocumentExtractor extractor, Path folder, long maxFileBytes) {
        this.store = store;
        this.extractor = extractor;
        this.folder = folder.toAbsolutePath().normalize();
        this.maxFileBytes = maxFileBytes;
    }

    public Path folder() {
        return folder;
    }

    public long maxFileBytes() {
        return maxFileBytes;
    }

    /** Brings the index in line with the library folder. Scans do not overlap. */
    public synchronized ScanSummary scan() {
        if (!Files.isDirectory(folder)) {
            return new ScanSummary(0, 0, 0, 0);
        }
        int indexed = 0;
        int unchanged = 0;
        int skipped = 0;
        Set<String> present = new HashSet<>();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(folder, MAX_DEPTH)) {
            files = walk.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
                    .filter(p -> !hidden(folder.relativize(p)))
                    .filter(p -> DocumentExtractor.supportedName(p.getFileName().toString()))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            log.warn("Cannot read the library folder {}: {}", folder, e.getMessage());
            return new ScanSummary(0, 0, 0, 1);
        }
        for (Path file : files) {
            String path = folder.relativize(file).toString().replace('\\', '/');
            try {
                long size = Files.size(file);
                if (size > maxFileBytes) {
                    log.warn("Library file {} is larger than {} bytes: skipped", path, maxFileBytes);
                    skipped++;
                    continue;
                }
                byte[] bytes = Files.readAllBytes(file);
                String sha = sha256(bytes);
                present.add(path);
                if (store.folderHash(path).filter(sha::equals).isPresent()) {
                    unchanged++;
                    continue;
                }
                store.upsertFolder(path, folderUrl(path), extractor.extract(path, null, bytes), sha, size);
                indexed++;
            } catch (IOException | RuntimeException e) {
                log.warn("Library file {} could not be indexed: {}", path, e.getMessage());
                skipped++;
            }
        }
        int removed = store.deleteFolderExcept(present);
        if (indexed + removed > 0) {
            log.info(
                    "Library {}: {} indexed, {} unchanged, {} removed, {} skipped",
                    folder,
                    indexed,
                    unchanged,
                    removed,
                    skipped);
        }
        return new ScanSummary(indexed, unchanged, removed, skipped);
    }

    /**
     * Extracts and indexes an uploaded document for {@code owner}. The same bytes uploaded again by
     * the same account return the existing document.
     *
     * @throws DocumentExtractor.UnsupportedDocument when the format is not supported or there is no text
     */
    public Upload upload(UUID owner, String fileName, @Nullable String contentType, byte[] bytes) {
        String sha = sha256(bytes);
        var existing = store.uploadWithHash(owner, sha);
        if (existing.isPresent()) {
            return new Upload(existing.get(), true);
        }
        String name = safeName(fileName);
        DocumentExtractor.Extracted document = extractor.extract(name, contentType, bytes);
        UUID id = UUID.randomUUID();
        return new Upload(store.insertUpload(owner, id, name, uploadUrl(id, name), document, sha, bytes.length), false);
    }

    static String folderUrl(String path) {
        return url(path);
    }

    static String uploadUrl(UUID id, String name) {
        return url("uploads/" + id + "/" + name);
    }

    private static String url(String schemeSpecific) {
        try {
            return new URI("library", schemeSpecific, null).toASCIIString();
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("cannot name library document " + schemeSpecific, e);
        }
    }

    /** The last path segment, without control characters; {@code document} when nothing is left. */
    static String safeName(String fileName) {
        String name = fileName == null ? "" : fileName.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1)
                .replaceAll("[\\p{Cc}]", "")
                .strip();
        if (name.length() > 200) {
            name = name.substring(name.length() - 200);
        }
        return name.isEmpty() || name.equals(".") || name.equals("..") ? "document" : name;
    }

    private static boolean hidden(Path relative) {
        for (Path part : relative) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new UncheckedIOException(new IOException(e));
        }
    }
}
