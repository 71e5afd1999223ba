package dev.quillstream.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.quillstream.testing.FakeOpenAiServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** The packaged jar as a user runs it: {@code java -jar target/quillstream.jar blog ...}. */
class CliIT {

    private static final Path JAVA_17 = Path.of("/usr/lib/jvm/java-17-openjdk-amd64/bin/java");

    @TempDir
    Path dir;

    @Test
    void writesAPostWithAtLeastFourSectionsOnTheOfflineModel() throws Exception {
        Path out = dir.resolve("post.md");
        PackagedJar.Run run = PackagedJar.run(
                dir,
                PackagedJar.currentJava(),
                Map.of(),
                "blog",
                "--topic",
                "Kubernetes autoscaling",
                "--keyword",
                "hpa",
                "--keyword",
                "keda",
                "--tone",
                "practical",
                "--out",
                out.toString());
        assertThat(run.exit()).as(run.stderr()).isZero();
        String markdown = Files.readString(out);
        assertThat(markdown)
                .startsWith("---\ntitle: ")
                .contains("\ndraft: true\n")
                .contains("\n# ");
        assertThat(Pattern.compile("^## ", Pattern.MULTILINE)
                        .matcher(markdown)
                        .results()
                        .count())
                .isGreaterThanOrEqualTo(4);
        assertThat(run.stderr())
                .contains("[1/7] outline")
                .contains("[7/7] seo-review done")
                .contains("offline")
                .contains("SEO score 100/100");
    }

    @Test
    void printsToStandardOutputWithoutLogLines() throws Exception {
        PackagedJar.Run run = PackagedJar.run(
                dir, PackagedJar.currentJava(), Map.of(), "blog", "--topic", "Rust ownership", "--words", "300");
        assertThat(run.exit()).isZero();
        assertThat(run.stdout()).startsWith("---\n").doesNotContain("WARN").doesNotContain("INFO");
    }

    @Test
    void badInputExitsWithTwoAndOneLineOfReason() throws Exception {
        PackagedJar.Run blank = PackagedJar.run(dir, PackagedJar.currentJava(), Map.of(), "blog", "--topic", " ");
        assertThat(blank.exit()).isEqualTo(2);
        assertThat(blank.stderr()).contains("quillstream: --topic: must not be blank");
        PackagedJar.Run tone = PackagedJar.run(
                dir, PackagedJar.currentJava(), Map.of(), "blog", "--topic", "x", "--tone", "sarcastic");
        assertThat(tone.exit()).isEqualTo(2);
        assertThat(tone.stderr()).contains("unknown tone 'sarcastic'");
        PackagedJar.Run missing = PackagedJar.run(dir, PackagedJar.currentJava(), Map.of(), "blog");
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.stderr()).contains("--topic");
    }

    @Test
    void failureExitsWithOne() throws Exception {
        PackagedJar.Run run = PackagedJar.run(
                dir,
                PackagedJar.currentJava(),
                Map.of("OPENAI_API_KEY", "sk-x", "OPENAI_BASE_URL", "http://127.0.0.1:9/v1"),
                "blog",
                "--topic",
                "x");
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.stderr()).contains("quillstream: failed: openai: connection failed");
    }

    @Test
    void usesAnOpenAiCompatibleServerForEveryStep() throws Exception {
        try (FakeOpenAiServer server = new FakeOpenAiServer("sk-loopback")) {
            Path out = dir.resolve("post.md");
            PackagedJar.Run run = PackagedJar.run(
                    dir,
                    PackagedJar.currentJava(),
                    Map.of("OPENAI_API_KEY", "sk-loopback", "OPENAI_BASE_URL", server.baseUrl()),
                    "blog",
                    "--topic",
                    "Kubernetes autoscaling",
                    "--keyword",
                    "hpa",
                    "--keyword",
                    "keda",
                    "--tone",
                    "practical",
                    "--out",
                    out.toString());
            assertThat(run.exit()).as(run.stderr()).isZero();
            List<JsonNode> requests = server.requests();
            // outline, 5 sections x 2 subtopics, framing, SEO metadata: every step asked the server; the SEO
            // review's targeted repairs come after (the server cannot see the offline model's hints, so it needs some).
            assertThat(requests.stream().filter(r -> r.path("stream").asBoolean(false)))
                    .hasSize(10);
            assertThat(requests.stream()
                            .map(r -> r.path("response_format")
                                    .path("json_schema")
                                    .path("name")
                                    .asString(""))
                            .filter(name -> !name.isEmpty())
                            .limit(3))
                    .containsExactly("blog_outline", "blog_framing", "blog_seo");
            assertThat(run.stderr()).contains("SEO score");
            assertThat(requests.getFirst().path("model").asString()).isEqualTo("gpt-4o-mini");
            String markdown = Files.readString(out);
            assertThat(markdown).doesNotContain("draft: true").contains("generator: \"Quillstream (openai");
        }
    }

    @Test
    void relaunchesItselfOnAJdkTooOldToRunIt() throws Exception {
        assumeTrue(Files.isExecutable(JAVA_17), "no Java 17 on this machine");
        PackagedJar.Run run = PackagedJar.run(dir, JAVA_17, Map.of(), "--version");
        assertThat(run.exit()).as(run.stderr()).isZero();
        assertThat(run.stdout()).contains("quillstream");
    }

    @Test
    void writesABookFromAnOutlineFileAndResumesFromACheckpoint() throws Exception {
        Path outline = dir.resolve("outline.json");
        Files.writeString(outline, """
                [{"title":"Foundations","notes":"start simple","sections":[{"title":"Why Scale"},{"title":"Requests","target_words":200}]},
                 {"title":"Operations","sections":[{"title":"Dashboards"},{"title":"Alerts"}]}]""");
        Path out = dir.resolve("book.md");
        Path checkpoint = dir.resolve("book.checkpoint.json");
        PackagedJar.Run run = PackagedJar.run(
                dir,
                PackagedJar.currentJava(),
                Map.of(),
                "book",
                "--title",
                "Scaling Kubernetes",
                "--kind",
                "textbook",
                "--words",
                "150",
                "--outline",
                outline.toString(),
                "--out",
                out.toString(),
                "--checkpoint",
                checkpoint.toString());
        assertThat(run.exit()).as(run.stderr()).isZero();
        String markdown = Files.readString(out);
        assertThat(markdown)
                .startsWith("---\ntitle: Scaling Kubernetes")
                .contains("\ndraft: true\n")
                .contains("## Chapter 1: Foundations")
                .contains("### Requests")
                .contains("## Chapter 2: Operations")
                .contains("### Alerts");
        assertThat(run.stderr()).contains("chapters").contains("Wrote").contains("2 chapters");
        assertThat(checkpoint).doesNotExist();

        // A run that crashed after its plan and outlines (saved by the same file format) is resumed:
        // the plan's titles come from the checkpoint, not from a new plan.
        dev.quillstream.generation.BookRequest request = new dev.quillstream.generation.BookRequest(
                "Resumed Book",
                2,
                2,
                List.of(),
                dev.quillstream.generation.Tone.PROFESSIONAL,
                dev.quillstream.generation.BookKind.GUIDE,
                false,
                false,
                false,
                null,
                "en",
                150,
                List.of());
        CheckpointFile file = new CheckpointFile(checkpoint);
        int[] prose = {0};
        var crashing = new dev.quillstream.testing.ScriptedModel(r -> {
            if (r.schema() == null && ++prose[0] == 2) {
                throw new IllegalStateException("crash");
            }
            return new dev.quillstream.llm.offline.OfflineTextModel()
                    .complete(r)
                    .text()
                    .replace("Understanding Resumed Book", "From The Checkpoint");
        });
        try {
            dev.quillstream.generation.book.BookPipeline.of(crashing, 1)
                    .write(request, null, dev.quillstream.generation.GenerationListener.NONE, file);
        } catch (IllegalStateException expected) {
            // the simulated crash
        }
        assertThat(checkpoint).exists();
        PackagedJar.Run resumed = PackagedJar.run(
                dir,
                PackagedJar.currentJava(),
                Map.of(),
                "book",
                "--title",
                "Resumed Book",
                "--chapters",
                "2",
                "--sections",
                "2",
                "--words",
                "150",
                "--out",
                out.toString(),
                "--checkpoint",
                checkpoint.toString());
        assertThat(resumed.exit()).as(resumed.stderr()).isZero();
        assertThat(Files.readString(out)).contains("## Chapter 1: From The Checkpoint");

        Path epub = dir.resolve("book.epub");
        PackagedJar.Run asEpub = PackagedJar.run(
                dir,
                PackagedJar.currentJava(),
                Map.of(),
                "book",
                "--title",
                "Scaling Kubernetes",
                "--chapters",
                "2",
                "--sections",
                "1",
                "--words",
                "150",
                "--out",
                epub.toString());
        assertThat(asEpub.exit()).as(asEpub.stderr()).isZero();
        try (var zip = new java.util.zip.ZipFile(epub.toFile())) {
            assertThat(zip.getEntry("mimetype")).isNotNull();
            assertThat(zip.getEntry("OEBPS/chapter-2.xhtml")).isNotNull();
        }

        PackagedJar.Run other = PackagedJar.run(
                dir, PackagedJar.currentJava(), Map.of(), "book", "--title", "Scaling Kubernetes", "--chapters", "51");
        assertThat(other.exit()).isEqualTo(2);
        assertThat(other.stderr()).contains("--chapters: must be at most 50");
    }
}
