package dev.quillstream.export;

import dev.quillstream.content.BlogPost;
import dev.quillstream.generation.BlogRequest;
import dev.quillstream.generation.GenerationListener;
import dev.quillstream.generation.Tone;
import dev.quillstream.generation.blog.BlogPipelineFixture;
import java.util.List;

/** Documents for renderer tests: a real offline post, and one whose model text is hostile. */
public final class ExportDocuments {

    public static final String HOSTILE_MARKDOWN = """
            Plain words with a citation [1] and another [2].

            <script>alert('xss')</script>

            <img src="x" onerror="alert(1)"> and <a href="javascript:alert(2)">click</a> and [link](javascript:alert(3))

            <iframe src="https://evil.example"></iframe><p onclick="alert(4)" style="color:red">styled</p>

            - first **bold** item
            - second *italic* item

            ```
            code block
            ```
            """;

    private ExportDocuments() {}

    public static BlogPost offlinePost() {
        return BlogPipelineFixture.offline()
                .write(
                        BlogRequest.of("Kubernetes autoscaling", List.of("hpa", "keda"), Tone.PRACTICAL),
                        GenerationListener.NONE);
    }

    public static ExportDocument blog() {
        return ExportDocument.fromBlog(offlinePost());
    }

    /** A two-chapter book whose text carries a script, event handlers, a javascript: link and citations. */
    public static ExportDocument hostileBook() {
        return ExportDocument.ofChapters(
                "7b0c8a8e-4d1b-4d7e-9d6a-000000000007",
                "A Book </script><script>alert('title')</script>",
                "About <b>things</b>",
                List.of(
                        new ExportDocument.Chapter(
                                "First chapter",
                                List.of(
                                        new ExportDocument.Section("Opening", HOSTILE_MARKDOWN),
                                        new ExportDocument.Section("Second section", "More text [1]."))),
                        new ExportDocument.Chapter(
                                "Second chapter",
                                List.of(new ExportDocument.Section("Only", "Closing words [2]. ## not a heading")))),
                List.of(
                        new ExportDocument.Reference(1, "Kubernetes docs", "https://kubernetes.io/docs/"),
                        new ExportDocument.Reference(2, "KEDA", "https://keda.sh/")),
                List.of("kubernetes", "autoscaling"),
                "2026-11-26",
                false,
                "Quillstream (test)");
    }
}
