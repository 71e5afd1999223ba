package dev.quillstream.export;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.markdown.MarkdownRenderer;

/**
 * Model-written Markdown that stays Markdown (front-matter files, Medium, GitHub) but is safe where
 * a site generator renders it: raw HTML is removed (Jekyll's kramdown and many themes pass it
 * through), links keep only http(s), mailto and relative targets, images become their alt text.
 */
public final class SafeMarkdown {

    private static final List<org.commonmark.Extension> EXTENSIONS = List.of(TablesExtension.create());
    private static final Parser PARSER = Parser.builder().extensions(EXTENSIONS).build();
    private static final MarkdownRenderer RENDERER =
            MarkdownRenderer.builder().extensions(EXTENSIONS).build();

    private SafeMarkdown() {}

    public static String clean(String markdown) {
        Node document = PARSER.parse(markdown);
        List<Node> unsafe = new ArrayList<>();
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(HtmlBlock htmlBlock) {
                unsafe.add(htmlBlock);
            }

            @Override
            public void visit(HtmlInline htmlInline) {
                unsafe.add(htmlInline);
            }

            @Override
            public void visit(Link link) {
                if (!safeDestination(link.getDestination())) {
                    link.setDestination("");
                }
                visitChildren(link);
            }

            @Override
            public void visit(Image image) {
                unsafe.add(image);
            }
        });
        for (Node node : unsafe) {
            if (node instanceof Image image) {
                StringBuilder alt = new StringBuilder();
                for (Node child = image.getFirstChild(); child != null; child = child.getNext()) {
                    if (child instanceof Text text) {
                        alt.append(text.getLiteral());
                    }
                }
                node.insertBefore(new Text(alt.toString()));
            }
            node.unlink();
        }
        // The renderer escapes brackets; a bare [n] citation is literal text in CommonMark anyway.
        return RENDERER.render(document).strip().replaceAll("\\\\\\[(\\d{1,3})\\\\]", "[$1]");
    }

    static boolean safeDestination(String destination) {
        String lower = destination.strip().toLowerCase(Locale.ROOT);
        int colon = lower.indexOf(':');
        int slash = lower.indexOf('/');
        boolean relative = colon < 0 || (slash >= 0 && slash < colon);
        return relative || lower.startsWith("http:") || lower.startsWith("https:") || lower.startsWith("mailto:");
    }
}
