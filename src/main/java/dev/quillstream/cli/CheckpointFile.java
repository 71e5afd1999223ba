package dev.quillstream.cli;

import dev.quillstream.generation.BookCheckpoints;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A book's checkpoints in a file, for {@code book --checkpoint FILE}: each save replaces the file
 * atomically (written beside it, then moved over it), so a crash mid-save leaves the previous
 * checkpoint whole; a run started with an existing file resumes from it.
 */
final class CheckpointFile implements BookCheckpoints {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Path file;

    CheckpointFile(Path file) {
        this.file = file.toAbsolutePath();
    }

    @Override
    public Optional<JsonNode> saved() {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readTree(Files.readString(file, StandardCharsets.UTF_8))
                    .path("state"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the checkpoint " + file, e);
        }
    }

    @Override
    public synchronized void save(String step, int percent, JsonNode state) {
        var saved = JSON.createObjectNode();
        saved.put("step", step);
        saved.put("percent", percent);
        saved.set("state", state);
        try {
            Path parent = file.getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
            Files.writeString(temporary, JSON.writeValueAsString(saved), StandardCharsets.UTF_8);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the checkpoint " + file, e);
        }
    }

    /** The book is written: nothing to resume. */
    void delete() throws IOException {
        Files.deleteIfExists(file);
    }
}
