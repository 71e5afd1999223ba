package dev.quillstream.export.render;

import dev.quillstream.export.ArticleHtml;
import dev.quillstream.export.ExportDocument;
import dev.quillstream.export.ExportFormat;
import dev.quillstream.export.Exporter;
import java.nio.charset.StandardCharsets;
import org.jsoup.nodes.Document;
import org.springframework.stereotype.Component;

/** A standalone HTML5 page: SEO meta tags, Open Graph, Twitter card and JSON-LD in the head; the article in the body. */
@Component
class HtmlExporter implements Exporter {

    static final String STYLE = """
            body{font-family:Georgia,'DejaVu Serif',serif;line-height:1.6;max-width:42rem;margin:2rem auto;padding:0 1rem;color:#222}
            h1,h2,h3{font-family:'Helvetica Neue',Arial,'DejaVu Sans',sans-serif;line-height:1.25}
            .description{font-size:1.15rem;color:#555}.byline{color:#777}.draft-note{background:#fff3cd;padding:.5rem}
            pre{background:#f5f5f5;padding:.75rem;overflow:auto}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.25rem .5rem}
            sup.citation a{text-decoration:none}
            """;

    @Override
    public ExportFormat format() {
        return ExportFormat.HTML;
    }

    @Override
    public int version() {
        return 1;
    }

    @Override
    public byte[] render(ExportDocument document) {
        Document html = ArticleHtml.shell(document);
        ArticleHtml.meta(html.head(), document);
        html.head().appendElement("style").appendText(STYLE);
        ArticleHtml.article(html.body(), document, false);
        return ("<!DOCTYPE html>\n" + html.html()).getBytes(StandardCharsets.UTF_8);
    }
}
