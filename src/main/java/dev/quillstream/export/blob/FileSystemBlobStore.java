package dev.quillstream.export.blob;

import dev.quillstream.export.BlobStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * Blobs as files under a folder ({@code QUILLSTREAM_DATA_DIR/exports} by default). A write goes to
 * a temporary file first and is moved into place atomically, so a reader never sees half a file;
 * the media type is kept beside the blob in {@code <name>.type}.
 */
final class FileSystemBlobStore implements BlobStore {

    private final Path root;

    FileSystemBlobStore(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    @Override
    public void put(String key, byte[] content, String contentType) {
        Path target = resolve(key);
        try {
            Files.createDirectories(target.getParent());
            Path temporary = Files.createTempFile(target.getParent(), ".upload-", ".tmp");
            Files.write(temporary, content);
            Files.writeString(typeFile(target), contentType);
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store blob " + key, e);
        }
    }

    @Override
    public Optional<BlobInfo> stat(String key) {
        Path file = resolve(key);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            Path type = typeFile(file);
            String contentType = Files.exists(type) ? Files.readString(type) : "application/octet-stream";
            return Optional.of(new BlobInfo(key, Files.size(file), contentType));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Optional<InputStream> open(String key) {
        Path file = resolve(key);
        try {
            return Files.isRegularFile(file) ? Optional.of(Files.newInputStream(file)) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path resolve(String key) {
        Path file = root.resolve(BlobStore.checkedKey(key)).normalize();
        if (!file.startsWith(root)) {
            throw new IllegalArgumentException("not a blob key: " + key);
        }
        return file;
    }

    private static Path typeFile(Path blob) {
        return blob.resolveSibling(blob.getFileName() + ".type");
    }
}
