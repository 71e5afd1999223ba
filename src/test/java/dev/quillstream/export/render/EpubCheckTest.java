package dev.quillstream.export.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.adobe.epubcheck.api.EpubCheck;
import dev.quillstream.export.ExportDocument;
import dev.quillstream.export.ExportDocuments;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** EPUB exports pass the W3C's EPUBCheck: a valid EPUB 3 that any conforming reader opens. */
class EpubCheckTest {

    private static final String FACTORY = "javax.xml.transform.TransformerFactory";

    @TempDir
    Path dir;

    private static String previousFactory;

    /**
     * EPUBCheck's schematron needs Saxon's TransformerFactory, but the JDK's lookup may find another
     * one on the test classpath first (when other tests ran in this JVM): name Saxon's for these tests.
     */
    @org.junit.jupiter.api.BeforeAll
    static void saxon() {
        previousFactory = System.getProperty(FACTORY);
        System.setProperty(FACTORY, "net.sf.saxon.TransformerFactoryImpl");
    }

    @org.junit.jupiter.api.AfterAll
    static void restore() {
        if (previousFactory == null) {
            System.clearProperty(FACTORY);
        } else {
            System.setProperty(FACTORY, previousFactory);
        }
    }

    @Test
    void aBlogPostIsAValidEpub3() throws Exception {
        assertValid(ExportDocuments.blog());
    }

    @Test
    void aBookWithHostileTextAndReferencesIsAValidEpub3() throws Exception {
        assertValid(ExportDocuments.hostileBook());
    }

    @Test
    void theCheckerRejectsAPackageWithoutItsNavigationDocument() throws Exception {
        byte[] valid = new EpubExporter().render(ExportDocuments.hostileBook());
        java.io.ByteArrayOutputStream broken = new java.io.ByteArrayOutputStream();
        try (var in = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(valid));
                var out = new java.util.zip.ZipOutputStream(broken)) {
            for (var entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                if (!entry.getName().endsWith("nav.xhtml")) {
                    out.putNextEntry(entry);
                    out.write(in.readAllBytes());
                    out.closeEntry();
                }
            }
        }
        Path epub = dir.resolve("broken.epub");
        Files.write(epub, broken.toByteArray());
        assertThat(check(epub)).isNotZero();
    }

    private int check(Path epub) {
        return new EpubCheck(epub.toFile(), new PrintWriter(new StringWriter())).doValidate();
    }

    private void assertValid(ExportDocument document) throws Exception {
        Path epub = dir.resolve(document.slug() + ".epub");
        Files.write(epub, new EpubExporter().render(document));
        StringWriter messages = new StringWriter();
        int result = new EpubCheck(epub.toFile(), new PrintWriter(messages)).doValidate();
        assertThat(messages.toString()).doesNotContain("ERROR", "FATAL");
        assertThat(result).as(messages.toString()).isZero();
    }
}
