package dev.quillstream.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quillstream.export.ExportReaders;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code java -jar quillstream.jar export}: a post written by the CLI as JSON, exported to each format. */
class ExportCliIT {

    private static final Path JAR = Path.of("target/quillstream.jar");

    @TempDir
    Path dir;

    @Test
    void exportsAPostWrittenAsJsonToEveryFormat() throws Exception {
        Path json = dir.resolve("post.json");
        Run blog =
                jar("blog", "--topic", "Kubernetes autoscaling", "--words", "300", "--json", "--out", json.toString());
        assertThat(blog.exit()).as(blog.stderr()).isZero();
        assertThat(Files.readString(json)).startsWith("{");
        for (String format : List.of("markdown", "html", "docx", "pdf", "epub")) {
            Path out = dir.resolve("post." + format);
            Run export = jar("export", "--in", json.toString(), "--format", format, "--out", out.toString());
            assertThat(export.exit()).as(export.stderr()).isZero();
            assertThat(export.stderr()).contains("Wrote " + out);
            assertThat(ExportReaders.open(format, Files.readAllBytes(out))).contains("Introduction");
        }
    }

    @Test
    void badInputIsExitTwoWithOneLine() throws Exception {
        Run unknownFormat = jar("export", "--in", "nope.json", "--format", "rtf");
        assertThat(unknownFormat.exit()).isEqualTo(2);
        assertThat(unknownFormat.stderr()).contains("--format");
        Run missingFile = jar("export", "--in", dir.resolve("nope.json").toString(), "--format", "pdf");
        assertThat(missingFile.exit()).isEqualTo(2);
        assertThat(missingFile.stderr()).contains("--in");
        Run noSource = jar("export", "--format", "pdf");
        assertThat(noSource.exit()).isEqualTo(2);
    }

    private Run jar(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                ProcessHandle.current().info().command().orElse("java"),
                "-jar",
                JAR.toAbsolutePath().toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectOutput(dir.resolve("stdout.txt").toFile())
                .redirectError(dir.resolve("stderr.txt").toFile());
        builder.environment()
                .keySet()
                .removeIf(name -> name.endsWith("_API_KEY")
                        || name.startsWith("QUILLSTREAM_")
                        || name.equals("OLLAMA_HOST")
                        || name.endsWith("_BASE_URL"));
        Process process = builder.start();
        if (!process.waitFor(3, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("the CLI did not finish in 3 minutes");
        }
        return new Run(process.exitValue(), Files.readString(dir.resolve("stderr.txt"), StandardCharsets.UTF_8));
    }

    private record Run(int exit, String stderr) {}
}
