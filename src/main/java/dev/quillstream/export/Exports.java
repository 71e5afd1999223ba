package dev.quillstream.export;

import dev.quillstream.content.ContentStore;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * Exports stored content: finds the document, renders it in the asked format and stores the file.
 * The blob key carries a hash of the document and the renderer's version, so exporting unchanged
 * content again reuses the stored file instead of rendering it again, and an edit or a renderer
 * upgrade produces a new file.
 */
@Service
public class Exports {

    private final ContentStore contents;
    private final Renderers renderers;
    private final BlobStore blobs;
    private final JsonMapper json;

    Exports(ContentStore contents, Renderers renderers, BlobStore blobs, JsonMapper json) {
        this.contents = contents;
        this.renderers = renderers;
        this.blobs = blobs;
        this.json = json;
    }

    /** The owner's content as a document, when it exists and some source understands it. */
    public Optional<ExportDocument> document(UUID owner, UUID contentId) {
        return contents.findDocument(owner, contentId).flatMap(renderers::document);
    }

    /** Exports the owner's content; empty when there is no such content. */
    public Optional<ExportedFile> export(UUID owner, UUID contentId, ExportFormat format) {
        return document(owner, contentId).map(document -> store(document, format));
    }

    /** Renders and stores a document, or finds the identical export already stored. */
    public ExportedFile store(ExportDocument document, ExportFormat format) {
        Exporter exporter = renderers.exporter(format);
        String key = key(document, exporter);
        String fileName = document.slug() + "." + format.extension();
        Optional<BlobStore.BlobInfo> existing = blobs.stat(key);
        if (existing.isPresent()) {
            return new ExportedFile(key, format, fileName, existing.get().size(), format.mediaType(), true);
        }
        byte[] bytes = exporter.render(document);
        blobs.put(key, bytes, format.mediaType());
        return new ExportedFile(key, format, fileName, bytes.length, format.mediaType(), false);
    }

    private String key(ExportDocument document, Exporter exporter) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(json.writeValueAsString(document).getBytes(StandardCharsets.UTF_8));
            sha.update((exporter.format().id() + "/" + exporter.version()).getBytes(StandardCharsets.UTF_8));
            String hash = HexFormat.of().formatHex(sha.digest()).substring(0, 32);
            return Slugs.of(document.id()) + "/" + hash + "-v" + exporter.version() + "."
                    + exporter.format().extension();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
