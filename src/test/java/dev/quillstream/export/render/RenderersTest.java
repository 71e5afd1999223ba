package dev.quillstream.export.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quillstream.export.ExportDocument;
import dev.quillstream.export.ExportDocuments;
import dev.quillstream.export.MarkdownExporter;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** Every format re-read by an independent parser: jsoup, POI, PDFBox, a zip reader and an XML parser. */
class RenderersTest {

    private static final ExportDocument BLOG = ExportDocuments.blog();
    private static final ExportDocument BOOK = ExportDocuments.hostileBook();

    @Test
    void htmlIsSemanticWithMetaTagsAndParseableJsonLd() {
        Document html = Jsoup.parse(new String(new HtmlExporter().render(BLOG), StandardCharsets.UTF_8));
        assertThat(html.select("article > header > h1").text()).isEqualTo(BLOG.title());
        assertThat(html.select("article > section > h2"))
                .hasSize(BLOG.chapters().size());
        assertThat(html.select("meta[name=description]").attr("content")).isEqualTo(BLOG.description());
        assertThat(html.select("meta[property=og:title]").attr("content")).isEqualTo(BLOG.title());
        assertThat(html.select("meta[name=twitter:card]")).hasSize(1);
        assertThat(html.select("meta[name=robots]").attr("content")).isEqualTo("noindex");
        List<String> types = new ArrayList<>();
        for (Element script : html.select("script[type=application/ld+json]")) {
            JsonNode json = JsonMapper.builder().build().readTree(script.data());
            types.add(json.path("@type").asString());
        }
        assertThat(types).contains("BlogPosting", "FAQPage", "BreadcrumbList");
        assertThat(html.select("nav.toc li")).hasSize(BLOG.chapters().size());
    }

    @Test
    void htmlOfHostileTextCarriesNoActiveContent() {
        String text = new String(new HtmlExporter().render(BOOK), StandardCharsets.UTF_8);
        Document html = Jsoup.parse(text);
        // the only scripts are the JSON-LD blocks, and the title cannot break out of them
        assertThat(html.select("script")).allMatch(s -> s.attr("type").equals("application/ld+json"));
        html.select("script").forEach(s -> JsonMapper.builder().build().readTree(s.data()));
        assertThat(html.select("[onerror], [onclick], iframe, img, [style]")).isEmpty();
        assertThat(html.select("a[href^=javascript]")).isEmpty();
        assertThat(html.select("h1").text()).contains("</script>"); // shown as text
        assertThat(html.select("sup.citation a[href=#ref-1]")).isNotEmpty();
        assertThat(html.select("#ref-2 a").attr("href")).isEqualTo("https://keda.sh/");
    }

    @Test
    void markdownHasFrontMatterHeadingsAndCleanText() {
        String markdown = new String(new MarkdownExporter().render(BOOK), StandardCharsets.UTF_8);
        String yaml = markdown.substring(4, markdown.indexOf("\n---\n"));
        @SuppressWarnings("unchecked")
        Map<String, Object> front = YAMLMapper.builder().build().readValue(yaml, Map.class);
        assertThat(front.get("title")).isEqualTo("A Book");
        assertThat(front.get("tags")).isEqualTo(List.of("kubernetes", "autoscaling"));
        assertThat(markdown).contains("## First chapter", "### Opening", "## References", "1. Kubernetes docs");
        assertThat(markdown.toLowerCase()).doesNotContain("<script", "onerror", "javascript:");
    }

    @Test
    void docxHasHeadingStylesTocFieldAndCitationFootnotes() throws Exception {
        try (XWPFDocument docx = new XWPFDocument(new ByteArrayInputStream(new DocxExporter().render(BOOK)))) {
            Map<String, List<String>> byStyle = new LinkedHashMap<>();
            for (XWPFParagraph paragraph : docx.getParagraphs()) {
                if (paragraph.getStyle() != null) {
                    byStyle.computeIfAbsent(paragraph.getStyle(), s -> new ArrayList<>())
                            .add(paragraph.getText());
                }
            }
            assertThat(byStyle.get("Title")).containsExactly(BOOK.title());
            assertThat(byStyle.get("Heading1")).containsExactly("First chapter", "Second chapter", "References");
            assertThat(byStyle.get("Heading2")).containsExactly("Opening", "Second section", "Only");
            assertThat(docx.getStyles().getStyle("Heading1").getName()).isEqualTo("heading 1");
            assertThat(docx.getDocument().xmlText()).contains("TOC \\o");
            assertThat(docx.isEnforcedUpdateFields()).isTrue();
            // [1] twice and [2] twice in the text: four footnotes naming their sources
            List<String> notes = docx.getFootnotes().stream()
                    .map(n -> n.getParagraphs().getFirst().getText())
                    .filter(t -> t.contains("http"))
                    .toList();
            assertThat(notes).hasSize(4);
            assertThat(notes).anyMatch(t -> t.contains("https://keda.sh/"));
            String all =
                    docx.getParagraphs().stream().map(XWPFParagraph::getText).reduce("", String::concat);
            assertThat(all.substring(all.indexOf("Contents")))
                    .doesNotContain("<script", "onerror")
                    .contains("first bold item", "code block");
        }
    }

    @Test
    void docxOfABlogUsesItsSections() throws Exception {
        try (XWPFDocument docx = new XWPFDocument(new ByteArrayInputStream(new DocxExporter().render(BLOG)))) {
            long chapters = docx.getParagraphs().stream()
                    .filter(p -> "Heading1".equals(p.getStyle()))
                    .count();
            assertThat(chapters).isEqualTo(BLOG.chapters().size());
        }
    }

    @Test
    void pdfHasTextOutlinePageNumbersAndEmbeddedFonts() throws Exception {
        byte[] bytes = new PdfExporter().render(BOOK);
        try (PDDocument pdf = Loader.loadPDF(bytes)) {
            String text = new PDFTextStripper().getText(pdf);
            assertThat(text).contains("First chapter", "Closing words", "Contents", "References");
            assertThat(text).doesNotContain("alert(1)");
            assertThat(text).containsPattern("1 / " + pdf.getNumberOfPages());
            List<String> outline = new ArrayList<>();
            for (PDOutlineItem item :
                    pdf.getDocumentCatalog().getDocumentOutline().children()) {
                outline.add(item.getTitle());
            }
            assertThat(outline).containsExactly("First chapter", "Second chapter", "References");
            for (var page : pdf.getPages()) {
                for (var name : page.getResources().getFontNames()) {
                    PDFont font = page.getResources().getFont(name);
                    assertThat(font.isEmbedded()).as(font.getName()).isTrue();
                }
            }
        }
    }

    @Test
    void pdfOfABlogOpens() throws Exception {
        try (PDDocument pdf = Loader.loadPDF(new PdfExporter().render(BLOG))) {
            assertThat(new PDFTextStripper().getText(pdf))
                    .contains(BLOG.chapters().getFirst().title());
        }
    }

    @Test
    void epubIsAValidEpub3Package() throws Exception {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        List<ZipEntry> order = new ArrayList<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(new EpubExporter().render(BOOK)))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                order.add(entry);
                entries.put(entry.getName(), zip.readAllBytes());
            }
        }
        assertThat(order.getFirst().getName()).isEqualTo("mimetype");
        assertThat(order.getFirst().getMethod()).isEqualTo(ZipEntry.STORED);
        assertThat(new String(entries.get("mimetype"), StandardCharsets.US_ASCII))
                .isEqualTo("application/epub+zip");
        org.w3c.dom.Document container = xml(entries.get("META-INF/container.xml"));
        String opfPath = ((org.w3c.dom.Element)
                        container.getElementsByTagName("rootfile").item(0))
                .getAttribute("full-path");
        org.w3c.dom.Document opf = xml(entries.get(opfPath));
        assertThat(opf.getDocumentElement().getAttribute("version")).isEqualTo("3.0");
        assertThat(opf.getElementsByTagNameNS("http://purl.org/dc/elements/1.1/", "title")
                        .item(0)
                        .getTextContent())
                .isEqualTo(BOOK.title());
        var items = opf.getElementsByTagName("item");
        List<String> spineFiles = new ArrayList<>();
        String nav = null;
        Map<String, String> hrefById = new LinkedHashMap<>();
        for (int i = 0; i < items.getLength(); i++) {
            var item = (org.w3c.dom.Element) items.item(i);
            hrefById.put(item.getAttribute("id"), item.getAttribute("href"));
            assertThat(entries).containsKey("OEBPS/" + item.getAttribute("href"));
            if (item.getAttribute("properties").equals("nav")) {
                nav = item.getAttribute("href");
            }
        }
        var refs = opf.getElementsByTagName("itemref");
        for (int i = 0; i < refs.getLength(); i++) {
            spineFiles.add(hrefById.get(((org.w3c.dom.Element) refs.item(i)).getAttribute("idref")));
        }
        assertThat(nav).isEqualTo("nav.xhtml");
        assertThat(spineFiles).containsExactly("title.xhtml", "chapter-1.xhtml", "chapter-2.xhtml", "references.xhtml");
        org.w3c.dom.Document navigation = xml(entries.get("OEBPS/nav.xhtml"));
        assertThat(navigation
                        .getElementsByTagName("nav")
                        .item(0)
                        .getAttributes()
                        .getNamedItem("epub:type")
                        .getNodeValue())
                .isEqualTo("toc");
        assertThat(navigation.getElementsByTagName("a").getLength()).isEqualTo(3);
        org.w3c.dom.Document chapter = xml(entries.get("OEBPS/chapter-1.xhtml"));
        assertThat(chapter.getElementsByTagName("h1").item(0).getTextContent()).isEqualTo("First chapter");
        assertThat(chapter.getElementsByTagName("script").getLength()).isZero();
        String chapterText = new String(entries.get("OEBPS/chapter-1.xhtml"), StandardCharsets.UTF_8);
        assertThat(chapterText).doesNotContain("onerror", "javascript:").contains("references.xhtml#ref-1");
    }

    private static org.w3c.dom.Document xml(byte[] bytes) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(bytes));
    }
}
