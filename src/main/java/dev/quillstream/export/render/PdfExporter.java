package dev.quillstream.export.render;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.outputdevice.helper.ExternalResourceControlPriority;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import dev.quillstream.export.ArticleHtml;
import dev.quillstream.export.ExportDocument;
import dev.quillstream.export.ExportFormat;
import dev.quillstream.export.Exporter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.jsoup.helper.W3CDom;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.springframework.stereotype.Component;

/**
 * A PDF through openhtmltopdf from the same article HTML: a table of contents with page numbers
 * ({@code target-counter}), page numbers in the footer, a bookmark (outline) per chapter, and the
 * bundled DejaVu fonts embedded (subset), so the file reads the same everywhere. The renderer may
 * not load any external resource: the document is self-contained.
 */
@Component
class PdfExporter implements Exporter {

    static final String FONT = "DejaVu Sans";

    private static final String STYLE = """
            @page { size: A4; margin: 22mm 20mm 24mm 20mm;
                    @bottom-center { content: counter(page) " / " counter(pages); font-family: 'DejaVu Sans'; font-size: 9pt; color: #555; } }
            body { font-family: 'DejaVu Sans'; font-size: 10.5pt; line-height: 1.45; color: #222; }
            h1 { font-size: 22pt; margin: 0 0 8pt 0; }
            h2 { font-size: 15pt; margin-top: 18pt; -fs-page-break-min-height: 4cm; }
            h3 { font-size: 12pt; margin-top: 12pt; }
            section { page-break-before: auto; }
            nav.toc { page-break-after: always; }
            nav.toc ol { list-style: none; padding: 0; }
            nav.toc a { color: #222; text-decoration: none; }
            a.page-ref::after { content: leader('.') target-counter(attr(href), page); }
            pre, code { font-family: 'DejaVu Sans Mono'; font-size: 9pt; }
            pre { background: #f3f3f3; padding: 6pt; white-space: pre-wrap; }
            .description { font-size: 12pt; color: #555; }
            .draft-note { background: #fff3cd; padding: 4pt; }
            table { border-collapse: collapse; } td, th { border: 0.5pt solid #999; padding: 2pt 4pt; }
            """;

    @Override
    public ExportFormat format() {
        return ExportFormat.PDF;
    }

    @Override
    public int version() {
        return 1;
    }

    @Override
    public byte[] render(ExportDocument document) {
        Document html = ArticleHtml.shell(document);
        html.head().appendElement("meta").attr("name", "description").attr("content", document.description());
        html.head().appendElement("meta").attr("name", "subject").attr("content", document.description());
        html.head().appendElement("meta").attr("name", "keywords").attr("content", String.join(", ", document.tags()));
        html.head().appendElement("style").appendChild(new org.jsoup.nodes.DataNode(STYLE));
        Element bookmarks = html.head().appendElement("bookmarks");
        for (int i = 0; i < document.chapters().size(); i++) {
            bookmarks
                    .appendElement("bookmark")
                    .attr("name", document.chapters().get(i).title())
                    .attr("href", "#" + ArticleHtml.chapterId(i));
        }
        if (!document.references().isEmpty()) {
            bookmarks.appendElement("bookmark").attr("name", "References").attr("href", "#references");
        }
        ArticleHtml.article(html.body(), document, true);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.useExternalResourceAccessControl(
                    (uri, type) -> false, ExternalResourceControlPriority.RUN_BEFORE_RESOLVING_URI);
            builder.useExternalResourceAccessControl(
                    (uri, type) -> false, ExternalResourceControlPriority.RUN_AFTER_RESOLVING_URI);
            font(builder, "DejaVuSans.ttf", FONT, 400, FontStyle.NORMAL);
            font(builder, "DejaVuSans-Bold.ttf", FONT, 700, FontStyle.NORMAL);
            font(builder, "DejaVuSans-Oblique.ttf", FONT, 400, FontStyle.ITALIC);
            font(builder, "DejaVuSansMono.ttf", "DejaVu Sans Mono", 400, FontStyle.NORMAL);
            builder.withW3cDocument(new W3CDom().fromJsoup(html), "about:blank");
            builder.toStream(out);
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void font(PdfRendererBuilder builder, String file, String family, int weight, FontStyle style) {
        builder.useFont(() -> resource("fonts/" + file), family, weight, style, true);
    }

    private static InputStream resource(String path) {
        InputStream in = PdfExporter.class.getClassLoader().getResourceAsStream(path);
        if (in == null) {
            throw new IllegalStateException("bundled font missing: " + path);
        }
        return in;
    }
}
