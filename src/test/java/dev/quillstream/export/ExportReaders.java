package dev.quillstream.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.jsoup.Jsoup;
import tools.jackson.databind.json.JsonMapper;

/** Opens an export in an independent reader and returns its visible text, failing if it does not open. */
public final class ExportReaders {

    private ExportReaders() {}

    public static String open(String format, byte[] bytes) throws Exception {
        return switch (format) {
            case "markdown" -> {
                String text = new String(bytes, StandardCharsets.UTF_8);
                assertThat(text).startsWith("---\n");
                yield text;
            }
            case "html" -> {
                var html = Jsoup.parse(new String(bytes, StandardCharsets.UTF_8));
                html.select("script[type=application/ld+json]")
                        .forEach(s -> JsonMapper.builder().build().readTree(s.data()));
                assertThat(html.select("article h1")).hasSize(1);
                yield html.text();
            }
            case "docx" -> {
                try (XWPFDocument docx = new XWPFDocument(new ByteArrayInputStream(bytes))) {
                    assertThat(docx.getParagraphs()).anyMatch(p -> "Heading1".equals(p.getStyle()));
                    yield docx.getParagraphs().stream()
                            .map(XWPFParagraph::getText)
                            .reduce("", (a, b) -> a + "\n" + b);
                }
            }
            case "pdf" -> {
                try (PDDocument pdf = Loader.loadPDF(bytes)) {
                    assertThat(pdf.getDocumentCatalog().getDocumentOutline()).isNotNull();
                    yield new PDFTextStripper().getText(pdf);
                }
            }
            case "epub" -> {
                Map<String, byte[]> entries = new HashMap<>();
                String first = null;
                try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
                    for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                        first = first == null ? e.getName() : first;
                        entries.put(e.getName(), zip.readAllBytes());
                    }
                }
                assertThat(first).isEqualTo("mimetype");
                StringBuilder text = new StringBuilder();
                var factory = DocumentBuilderFactory.newInstance();
                factory.setNamespaceAware(true);
                for (var entry : entries.entrySet()) {
                    if (entry.getKey().endsWith(".xhtml") || entry.getKey().endsWith(".opf")) {
                        var xml = factory.newDocumentBuilder().parse(new ByteArrayInputStream(entry.getValue()));
                        text.append(xml.getDocumentElement().getTextContent()).append('\n');
                    }
                }
                yield text.toString();
            }
            default -> throw new IllegalArgumentException(format);
        };
    }
}
