package dev.quillstream.export.blob;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSystemBlobStoreTest {

    @TempDir
    Path dir;

    @Test
    void storesAndReadsBackWithItsType() throws Exception {
        FileSystemBlobStore store = new FileSystemBlobStore(dir);
        store.put("a/b.md", "# hi".getBytes(StandardCharsets.UTF_8), "text/markdown");
        assertThat(store.stat("a/b.md").orElseThrow().contentType()).isEqualTo("text/markdown");
        try (InputStream in = store.open("a/b.md").orElseThrow()) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("# hi");
        }
        assertThat(store.stat("a/c.md")).isEmpty();
    }

    @Test
    void keysNeverLeaveTheFolder() {
        FileSystemBlobStore store = new FileSystemBlobStore(dir.resolve("exports"));
        for (String key : new String[] {"../x", "/etc/passwd", "a/../../x", "a//b", "a\\b"}) {
            assertThatThrownBy(() -> store.put(key, new byte[0], "text/plain"))
                    .as(key)
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }
}
