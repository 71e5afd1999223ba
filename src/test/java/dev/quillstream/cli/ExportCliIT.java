package dev.quillstream.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quillstream.export.ExportReaders;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code java -jar quillstream.jar export}: a post written by the CLI as JSON, exported to each format. */
class ExportCliIT {

    @TempDir
    Path dir;

    @Test
    void exportsAPostWrittenAsJsonToEveryFormat() throws Exception {
        Path json = dir.resolve("post.json");
        PackagedJar.Run blog = PackagedJar.run(
                dir,
                Map.of(),
                "blog",
                "--topic",
                "Kubernetes autoscaling",
                "--words",
                "300",
                "--json",
                "--out",
                json.toString());
        assertThat(blog.exit()).as(blog.stderr()).isZero();
        assertThat(Files.readString(json)).startsWith("{");
        for (String format : List.of("markdown", "html", "docx", "pdf", "epub")) {
            Path out = dir.resolve("post." + format);
            PackagedJar.Run export = PackagedJar.run(
                    dir, Map.of(), "export", "--in", json.toString(), "--format", format, "--out", out.toString());
            assertThat(export.exit()).as(export.stderr()).isZero();
            assertThat(export.stderr()).contains("Wrote " + out);
            assertThat(ExportReaders.open(format, Files.readAllBytes(out))).contains("Introduction");
        }
    }

    @Test
    void badInputIsExitTwoWithOneLine() throws Exception {
        PackagedJar.Run unknownFormat =
                PackagedJar.run(dir, Map.of(), "export", "--in", "nope.json", "--format", "rtf");
        assertThat(unknownFormat.exit()).isEqualTo(2);
        assertThat(unknownFormat.stderr()).contains("--format");
        PackagedJar.Run missingFile = PackagedJar.run(
                dir, Map.of(), "export", "--in", dir.resolve("nope.json").toString(), "--format", "pdf");
        assertThat(missingFile.exit()).isEqualTo(2);
        assertThat(missingFile.stderr()).contains("--in");
        PackagedJar.Run noSource = PackagedJar.run(dir, Map.of(), "export", "--format", "pdf");
        assertThat(noSource.exit()).isEqualTo(2);
    }
}
