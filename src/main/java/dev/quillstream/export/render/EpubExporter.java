package dev.quillstream.export.render;

import dev.quillstream.export.ExportDocument;
import dev.quillstream.export.ExportFormat;
import dev.quillstream.export.Exporter;
import dev.quillstream.export.SafeHtml;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.springframework.stereotype.Component;

/**
 * An EPUB 3 package written directly (the maintained Java EPUB libraries write EPUB 2): the
 * {@code mimetype} entry first and stored uncompressed, {@code META-INF/container.xml}, a package
 * document with a {@code dcterms:modified}, a navigation document ({@code nav.xhtml}, plus an NCX
 * for EPUB 2 readers), a title page, one XHTML file per chapter (a blog's sections are its
 * chapters) and the references. Model text is sanitised and serialised as well-formed XHTML.
 */
@Component
class EpubExporter implements Exporter {

    private static final long FIXED_TIME = 1_700_000_000_000L;
    private static final String CSS = """
            body { font-family: serif; line-height: 1.5; }
            h1, h2, h3 { font-family: sans-serif; }
            .description { font-style: italic; }
            .draft-note { border: 1px solid #c90; padding: 0.3em; }
            pre { white-space: pre-wrap; }
            """;

    @Override
    public ExportFormat format() {
        return ExportFormat.EPUB;
    }

    @Override
    public int version() {
        return 1;
    }

    @Override
    public byte[] render(ExportDocument document) {
        List<Page> pages = new ArrayList<>();
        pages.add(new Page("title", "title.xhtml", document.title(), titlePage(document)));
        int references = document.references().size();
        for (int i = 0; i < document.chapters().size(); i++) {
            ExportDocument.Chapter chapter = document.chapters().get(i);
            String file = "chapter-" + (i + 1) + ".xhtml";
            pages.add(
                    new Page("chapter-" + (i + 1), file, chapter.title(), chapterPage(document, chapter, references)));
        }
        if (references > 0) {
            pages.add(new Page("references", "references.xhtml", "References", referencesPage(document)));
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
            stored(zip, "mimetype", "application/epub+zip".getBytes(StandardCharsets.US_ASCII));
            deflated(zip, "META-INF/container.xml", """
                    <?xml version="1.0" encoding="UTF-8"?>
                    <container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
                      <rootfiles>
                        <rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/>
                      </rootfiles>
                    </container>
                    """);
            deflated(zip, "OEBPS/content.opf", packageDocument(document, pages));
            deflated(zip, "OEBPS/nav.xhtml", navigation(document, pages));
            deflated(zip, "OEBPS/toc.ncx", ncx(document, pages));
            deflated(zip, "OEBPS/style.css", CSS);
            for (Page page : pages) {
                deflated(zip, "OEBPS/" + page.file(), page.xhtml());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private record Page(String id, String file, String title, String xhtml) {}

    private static String identifier(ExportDocument document) {
        return "urn:uuid:" + document.id();
    }

    private static String modified(ExportDocument document) {
        String date = document.date();
        if (date.matches("\\d{4}-\\d{2}-\\d{2}")) {
            return date + "T00:00:00Z";
        }
        if (date.matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}.*")) {
            return date.substring(0, 19) + "Z";
        }
        return "2000-01-01T00:00:00Z";
    }

    private static String packageDocument(ExportDocument document, List<Page> pages) {
        StringBuilder manifest = new StringBuilder();
        StringBuilder spine = new StringBuilder();
        for (Page page : pages) {
            manifest.append("    <item id=\"")
                    .append(page.id())
                    .append("\" href=\"")
                    .append(page.file())
                    .append("\" media-type=\"application/xhtml+xml\"/>\n");
            spine.append("    <itemref idref=\"").append(page.id()).append("\"/>\n");
        }
        StringBuilder subjects = new StringBuilder();
        for (String tag : document.tags()) {
            subjects.append("    <dc:subject>").append(xml(tag)).append("</dc:subject>\n");
        }
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="book-id" xml:lang="%s">
                  <metadata xmlns:dc="http://purl.org/dc/elements/1.1/">
                    <dc:identifier id="book-id">%s</dc:identifier>
                    <dc:title>%s</dc:title>
                    <dc:language>%s</dc:language>
                    <dc:description>%s</dc:description>
                    <dc:date>%s</dc:date>
                    <dc:creator>%s</dc:creator>
                %s    <meta property="dcterms:modified">%s</meta>
                  </metadata>
                  <manifest>
                    <item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>
                    <item id="ncx" href="toc.ncx" media-type="application/x-dtbncx+xml"/>
                    <item id="css" href="style.css" media-type="text/css"/>
                %s  </manifest>
                  <spine toc="ncx">
                %s  </spine>
                </package>
                """.formatted(
                        xml(document.language()),
                        identifier(document),
                        xml(document.title()),
                        xml(document.language()),
                        xml(document.description()),
                        xml(document.date()),
                        xml(document.generator()),
                        subjects,
                        modified(document),
                        manifest,
                        spine);
    }

    private static String navigation(ExportDocument document, List<Page> pages) {
        StringBuilder items = new StringBuilder();
        for (Page page : pages.subList(1, pages.size())) {
            items.append("      <li><a href=\"")
                    .append(page.file())
                    .append("\">")
                    .append(xml(page.title()))
                    .append("</a></li>\n");
        }
        return xhtml(document, "Contents", """
                <nav epub:type="toc" id="toc">
                  <h1>Contents</h1>
                  <ol>
                %s    </ol>
                </nav>
                """.formatted(items));
    }

    private static String ncx(ExportDocument document, List<Page> pages) {
        StringBuilder points = new StringBuilder();
        for (int i = 0; i < pages.size(); i++) {
            Page page = pages.get(i);
            points.append("    <navPoint id=\"nav-")
                    .append(i + 1)
                    .append("\" playOrder=\"")
                    .append(i + 1)
                    .append("\"><navLabel><text>")
                    .append(xml(page.title()))
                    .append("</text></navLabel><content src=\"")
                    .append(page.file())
                    .append("\"/></navPoint>\n");
        }
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <ncx xmlns="http://www.daisy.org/z3986/2005/ncx/" version="2005-1">
                  <head><meta name="dtb:uid" content="%s"/></head>
                  <docTitle><text>%s</text></docTitle>
                  <navMap>
                %s  </navMap>
                </ncx>
                """.formatted(identifier(document), xml(document.title()), points);
    }

    private static String titlePage(ExportDocument document) {
        StringBuilder body = new StringBuilder("<section epub:type=\"titlepage\">\n<h1>")
                .append(xml(document.title()))
                .append("</h1>\n");
        if (!document.description().isBlank()) {
            body.append("<p class=\"description\">")
                    .append(xml(document.description()))
                    .append("</p>\n");
        }
        body.append("<p>").append(xml(document.date())).append("</p>\n");
        if (document.offline()) {
            body.append("<p class=\"draft-note\">Offline draft: written by Quillstream's deterministic offline"
                    + " model, not a language model.</p>\n");
        }
        return xhtml(document, document.title(), body.append("</section>\n").toString());
    }

    private static String chapterPage(ExportDocument document, ExportDocument.Chapter chapter, int references) {
        StringBuilder body = new StringBuilder("<section epub:type=\"chapter\">\n<h1>")
                .append(xml(chapter.title()))
                .append("</h1>\n");
        for (ExportDocument.Section section : chapter.sections()) {
            if (!section.title().isBlank()) {
                body.append("<h2>").append(xml(section.title())).append("</h2>\n");
            }
            String html = SafeHtml.fromMarkdown(section.markdown(), references)
                    .replace("href=\"#ref-", "href=\"references.xhtml#ref-");
            body.append(SafeHtml.toXhtml(html)).append('\n');
        }
        return xhtml(document, chapter.title(), body.append("</section>\n").toString());
    }

    private static String referencesPage(ExportDocument document) {
        StringBuilder body = new StringBuilder("<section epub:type=\"bibliography\">\n<h1>References</h1>\n<ol>\n");
        for (ExportDocument.Reference reference : document.references()) {
            String link = SafeHtml.toXhtml(
                    SafeHtml.sanitize("<a href=\"" + xml(reference.url()) + "\">" + xml(reference.url()) + "</a>"));
            body.append("<li id=\"ref-")
                    .append(reference.number())
                    .append("\" value=\"")
                    .append(reference.number())
                    .append("\">")
                    .append(xml(reference.title()))
                    .append(" — ")
                    .append(link)
                    .append("</li>\n");
        }
        return xhtml(document, "References", body.append("</ol>\n</section>\n").toString());
    }

    private static String xhtml(ExportDocument document, String title, String body) {
        String lang = xml(document.language());
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <!DOCTYPE html>
                <html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops" lang="%s" xml:lang="%s">
                <head>
                <meta charset="utf-8"/>
                <title>%s</title>
                <link rel="stylesheet" type="text/css" href="style.css"/>
                </head>
                <body>
                %s</body>
                </html>
                """.formatted(lang, lang, xml(title), body);
    }

    static String xml(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                    // Characters XML 1.0 forbids (most C0 controls) are dropped.
                    if (c == 0x9 || c == 0xA || c == 0xD || c >= 0x20) {
                        out.appendCodePoint(c);
                    }
                }
            }
        });
        return out.toString();
    }

    private static void stored(ZipOutputStream zip, String name, byte[] content) throws IOException {
        ZipEntry entry = new ZipEntry(name);
        entry.setMethod(ZipEntry.STORED);
        entry.setSize(content.length);
        entry.setCompressedSize(content.length);
        CRC32 crc = new CRC32();
        crc.update(content);
        entry.setCrc(crc.getValue());
        entry.setTime(FIXED_TIME);
        zip.putNextEntry(entry);
        zip.write(content);
        zip.closeEntry();
    }

    private static void deflated(ZipOutputStream zip, String name, String content) throws IOException {
        ZipEntry entry = new ZipEntry(name);
        entry.setTime(FIXED_TIME);
        zip.putNextEntry(entry);
        zip.write(content.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }
}
