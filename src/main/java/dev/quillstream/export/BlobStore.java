package dev.quillstream.export;

import java.io.InputStream;
import java.util.Optional;

/**
 * Where exported files live: the local filesystem by default, S3 (or any S3-compatible store)
 * when {@code S3_BUCKET} is set. Keys are relative paths of {@code [A-Za-z0-9._/-]}; a key never
 * climbs out of the store.
 */
public interface BlobStore {

    void put(String key, byte[] content, String contentType);

    /** The blob's size and type, when it exists. */
    Optional<BlobInfo> stat(String key);

    /** The blob's bytes, when it exists; the caller closes the stream. */
    Optional<InputStream> open(String key);

    record BlobInfo(String key, long size, String contentType) {}

    /** Refuses keys that could name something outside the store. */
    static String checkedKey(String key) {
        if (!key.matches("[A-Za-z0-9._/-]{1,512}") || key.startsWith("/") || key.contains("..") || key.contains("//")) {
            throw new IllegalArgumentException("not a blob key: " + key);
        }
        return key;
    }
}
