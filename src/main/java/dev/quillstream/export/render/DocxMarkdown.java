package dev.quillstream.export.render;

import java.util.List;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFFootnote;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.BulletList;
import org.commonmark.node.Code;
import org.commonmark.node.Emphasis;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Link;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.Text;
import org.commonmark.node.ThematicBreak;
import org.commonmark.parser.Parser;
import org.jspecify.annotations.Nullable;

/**
 * Appends Markdown to a Word document by walking commonmark's syntax tree: paragraphs, headings
 * (as Heading3), lists, quotes, code, emphasis, links; {@code [n]} citations become footnote
 * references. Raw HTML and images are dropped.
 */
final class DocxMarkdown extends AbstractVisitor {

    private static final Parser PARSER =
            Parser.builder().extensions(List.of(TablesExtension.create())).build();
    private static final Pattern CITATION = Pattern.compile("\\[(\\d{1,3})]");
    private static final String MONO = "Courier New";

    private final XWPFDocument docx;
    private final IntFunction<@Nullable XWPFFootnote> footnotes;
    private @Nullable XWPFParagraph paragraph;
    private boolean bold;
    private boolean italic;
    private int listDepth;
    private int quoteDepth;
    private @Nullable Integer orderedNumber;

    DocxMarkdown(XWPFDocument docx, IntFunction<@Nullable XWPFFootnote> footnotes) {
        this.docx = docx;
        this.footnotes = footnotes;
    }

    void append(String markdown) {
        PARSER.parse(markdown).accept(this);
        paragraph = null;
    }

    private XWPFParagraph open() {
        XWPFParagraph created = docx.createParagraph();
        int indent = listDepth * 360 + quoteDepth * 720;
        if (indent > 0) {
            created.setIndentationLeft(indent);
        }
        paragraph = created;
        return created;
    }

    private XWPFParagraph current() {
        return paragraph == null ? open() : paragraph;
    }

    @Override
    public void visit(Paragraph node) {
        boolean inListItem = node.getParent() instanceof ListItem && node.getPrevious() == null;
        if (!inListItem) {
            open();
        }
        visitChildren(node);
        paragraph = null;
    }

    @Override
    public void visit(Heading node) {
        open().setStyle("Heading3");
        visitChildren(node);
        paragraph = null;
    }

    @Override
    public void visit(BulletList node) {
        list(node, null);
    }

    @Override
    public void visit(OrderedList node) {
        Integer start = node.getMarkerStartNumber();
        list(node, start == null ? 1 : start);
    }

    private void list(Node node, @Nullable Integer start) {
        Integer outer = orderedNumber;
        orderedNumber = start;
        listDepth++;
        visitChildren(node);
        listDepth--;
        orderedNumber = outer;
    }

    @Override
    public void visit(ListItem node) {
        XWPFParagraph item = open();
        String marker;
        if (orderedNumber != null) {
            marker = orderedNumber + ". ";
            orderedNumber++;
        } else {
            marker = "• ";
        }
        item.createRun().setText(marker);
        visitChildren(node);
        paragraph = null;
    }

    @Override
    public void visit(BlockQuote node) {
        quoteDepth++;
        boolean wasItalic = italic;
        italic = true;
        visitChildren(node);
        italic = wasItalic;
        quoteDepth--;
    }

    @Override
    public void visit(FencedCodeBlock node) {
        code(node.getLiteral());
    }

    @Override
    public void visit(IndentedCodeBlock node) {
        code(node.getLiteral());
    }

    private void code(String literal) {
        for (String line : literal.stripTrailing().split("\n", -1)) {
            XWPFRun run = open().createRun();
            run.setFontFamily(MONO);
            run.setText(line);
        }
        paragraph = null;
    }

    @Override
    public void visit(ThematicBreak node) {
        open().setBorderBottom(org.apache.poi.xwpf.usermodel.Borders.SINGLE);
        paragraph = null;
    }

    @Override
    public void visit(Emphasis node) {
        boolean was = italic;
        italic = true;
        visitChildren(node);
        italic = was;
    }

    @Override
    public void visit(StrongEmphasis node) {
        boolean was = bold;
        bold = true;
        visitChildren(node);
        bold = was;
    }

    @Override
    public void visit(Code node) {
        XWPFRun run = current().createRun();
        run.setFontFamily(MONO);
        run.setText(node.getLiteral());
    }

    @Override
    public void visit(Link node) {
        String destination = node.getDestination();
        if (destination.startsWith("https://") || destination.startsWith("http://")) {
            StringBuilder text = new StringBuilder();
            for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
                if (child instanceof Text t) {
                    text.append(t.getLiteral());
                } else if (child instanceof Code c) {
                    text.append(c.getLiteral());
                }
            }
            XWPFRun run = current().createHyperlinkRun(destination);
            run.setText(text.isEmpty() ? destination : text.toString());
            run.setUnderline(org.apache.poi.xwpf.usermodel.UnderlinePatterns.SINGLE);
            run.setColor("0563C1");
        } else {
            visitChildren(node);
        }
    }

    @Override
    public void visit(Text node) {
        String literal = node.getLiteral();
        Matcher citation = CITATION.matcher(literal);
        int from = 0;
        while (citation.find()) {
            XWPFFootnote note = footnotes.apply(Integer.parseInt(citation.group(1)));
            if (note == null) {
                continue;
            }
            text(literal.substring(from, citation.start()));
            current().addFootnoteReference(note);
            from = citation.end();
        }
        text(literal.substring(from));
    }

    private void text(String text) {
        if (text.isEmpty()) {
            return;
        }
        XWPFRun run = current().createRun();
        run.setBold(bold);
        run.setItalic(italic);
        run.setText(text);
    }

    @Override
    public void visit(SoftLineBreak node) {
        text(" ");
    }

    @Override
    public void visit(HardLineBreak node) {
        current().createRun().addBreak();
    }

    @Override
    public void visit(HtmlInline node) {
        // dropped: markup from a model is never interpreted
    }

    @Override
    public void visit(HtmlBlock node) {
        // dropped
    }

    @Override
    public void visit(Image node) {
        // dropped: no remote content in documents
    }
}
