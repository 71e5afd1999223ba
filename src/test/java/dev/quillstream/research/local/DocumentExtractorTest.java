package dev.quillstream.research.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quillstream.testing.TestPdfs;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class DocumentExtractorTest {

    private final DocumentExtractor extractor = new DocumentExtractor(10_000);

    private static byte[] pdf(String title, String... lines) {
        return TestPdfs.pdf(title, lines);
    }

    @Test
    void readsPdfTextAndTitle() throws IOException {
        DocumentExtractor.Extracted extracted = extractor.extract(
                "report.pdf", null, pdf("Autoscaling Report", "KEDA scales on queue length.", "HPA uses CPU."));
        assertThat(extracted.mediaType()).isEqualTo(DocumentExtractor.PDF);
        assertThat(extracted.title()).isEqualTo("Autoscaling Report");
        assertThat(extracted.text()).contains("KEDA scales on queue length.").contains("HPA uses CPU.");
    }

    @Test
    void recognisesAPdfByItsBytesWhenTheNameSaysNothing() throws IOException {
        assertThat(extractor
                        .extract("upload", "application/octet-stream", pdf("", "Hello PDF"))
                        .text())
                .contains("Hello PDF");
    }

    @Test
    void markdownKeepsItsTextAndTakesItsTitleFromTheFirstHeading() {
        DocumentExtractor.Extracted extracted = extractor.extract(
                "notes/autoscaling.md",
                null,
                "\uFEFF# Autoscaling notes\n\nKEDA can scale to zero.\n".getBytes(StandardCharsets.UTF_8));
        assertThat(extracted.title()).isEqualTo("Autoscaling notes");
        assertThat(extracted.text()).isEqualTo("# Autoscaling notes\n\nKEDA can scale to zero.");
    }

    @Test
    void htmlIsReducedToItsMainText() {
        DocumentExtractor.Extracted extracted = extractor.extract(
                "page.html",
                null,
                "<html><head><title>Guide</title><script>x()</script></head><body><nav>Menu</nav><p>Real content.</p></body></html>"
                        .getBytes(StandardCharsets.UTF_8));
        assertThat(extracted.title()).isEqualTo("Guide");
        assertThat(extracted.text()).isEqualTo("Real content.");
    }

    @Test
    void textThatIsNotUtf8IsReadAsWindows1252() {
        byte[] latin = "Caf\u00e9 cr\u00e8me".getBytes(java.nio.charset.Charset.forName("windows-1252"));
        assertThat(extractor.extract("menu.txt", null, latin).text()).isEqualTo("Caf\u00e9 cr\u00e8me");
    }

    @Test
    void refusesUnsupportedTypesAndDocumentsWithoutText() throws IOException {
        assertThatThrownBy(() -> extractor.extract("image.png", "image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G'}))
                .isInstanceOf(DocumentExtractor.UnsupportedDocument.class)
                .hasMessageContaining("Markdown");
        assertThatThrownBy(() -> extractor.extract("scan.pdf", null, pdf("Scan")))
                .isInstanceOf(DocumentExtractor.UnsupportedDocument.class)
                .hasMessageContaining("OCR");
        assertThatThrownBy(
                        () -> extractor.extract("broken.pdf", null, "%PDF-garbage".getBytes(StandardCharsets.US_ASCII)))
                .isInstanceOf(DocumentExtractor.UnsupportedDocument.class)
                .hasMessageContaining("not a readable PDF");
    }

    @Test
    void longTextIsCut() {
        assertThat(new DocumentExtractor(100)
                        .extract("long.txt", null, "a".repeat(500).getBytes(StandardCharsets.UTF_8))
                        .text())
                .hasSize(100);
    }
}
