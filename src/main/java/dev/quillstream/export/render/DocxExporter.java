package dev.quillstream.export.render;

import dev.quillstream.export.ExportDocument;
import dev.quillstream.export.ExportFormat;
import dev.quillstream.export.Exporter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.Map;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFFootnote;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.apache.poi.xwpf.usermodel.XWPFStyles;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTP;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPPrGeneral;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTRPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSimpleField;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyle;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STStyleType;
import org.springframework.stereotype.Component;

/**
 * A Word document through Apache POI with real paragraph styles ({@code Title}, {@code Heading1}
 * for chapters, {@code Heading2} for sections, {@code Heading3} for headings inside the text, so
 * Word's navigation pane and TOC see them), a table-of-contents field Word fills in on opening,
 * every citation {@code [n]} as a footnote naming its source, and the references as a list at the
 * end. Model Markdown is walked as a syntax tree; raw HTML in it is dropped, never interpreted.
 */
@Component
class DocxExporter implements Exporter {

    @Override
    public ExportFormat format() {
        return ExportFormat.DOCX;
    }

    @Override
    public int version() {
        return 1;
    }

    @Override
    public byte[] render(ExportDocument document) {
        try (XWPFDocument docx = new XWPFDocument();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            styles(docx);
            var core = docx.getProperties().getCoreProperties();
            core.setTitle(document.title());
            core.setDescription(document.description());
            core.setKeywords(String.join(", ", document.tags()));
            core.setCreator(document.generator());

            XWPFParagraph title = docx.createParagraph();
            title.setStyle("Title");
            title.createRun().setText(document.title());
            if (!document.description().isBlank()) {
                docx.createParagraph().createRun().setText(document.description());
            }
            if (document.offline()) {
                var note = docx.createParagraph().createRun();
                note.setItalic(true);
                note.setText("Offline draft: written by Quillstream's deterministic offline model, not a language"
                        + " model.");
            }
            tableOfContents(docx, document);

            Map<Integer, ExportDocument.Reference> references = new HashMap<>();
            document.references().forEach(r -> references.put(r.number(), r));
            if (!references.isEmpty()) {
                docx.createFootnotes();
            }
            DocxMarkdown markdown = new DocxMarkdown(docx, number -> footnote(docx, references.get(number)));
            for (ExportDocument.Chapter chapter : document.chapters()) {
                heading(docx, 1, chapter.title());
                for (ExportDocument.Section section : chapter.sections()) {
                    if (!section.title().isBlank()) {
                        heading(docx, 2, section.title());
                    }
                    markdown.append(section.markdown());
                }
            }
            if (!document.references().isEmpty()) {
                heading(docx, 1, "References");
                for (ExportDocument.Reference reference : document.references()) {
                    XWPFParagraph item = docx.createParagraph();
                    item.createRun().setText("[" + reference.number() + "] " + reference.title() + " — ");
                    item.createHyperlinkRun(reference.url()).setText(reference.url());
                }
            }
            docx.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static XWPFFootnote footnote(XWPFDocument docx, ExportDocument.Reference reference) {
        if (reference == null) {
            return null;
        }
        XWPFFootnote note = docx.createFootnote();
        XWPFParagraph paragraph = note.createParagraph();
        note.ensureFootnoteRef(paragraph);
        paragraph.createRun().setText(" " + reference.title() + ", " + reference.url());
        return note;
    }

    private static void heading(XWPFDocument docx, int level, String text) {
        XWPFParagraph heading = docx.createParagraph();
        heading.setStyle("Heading" + level);
        heading.createRun().setText(text);
    }

    /**
     * A TOC field over heading levels 1–3. Its result shows the chapter titles until Word updates
     * it (it is marked dirty and the document asks for a field update on opening) with page numbers.
     */
    private static void tableOfContents(XWPFDocument docx, ExportDocument document) {
        XWPFParagraph heading = docx.createParagraph();
        heading.setStyle("TOCHeading");
        heading.createRun().setText("Contents");
        XWPFParagraph paragraph = docx.createParagraph();
        CTP ctp = paragraph.getCTP();
        CTSimpleField toc = ctp.addNewFldSimple();
        toc.setInstr("TOC \\o \"1-3\" \\h \\z \\u");
        toc.setDirty(true);
        var run = toc.addNewR();
        StringBuilder titles = new StringBuilder();
        for (ExportDocument.Chapter chapter : document.chapters()) {
            titles.append(titles.isEmpty() ? "" : " · ").append(chapter.title());
        }
        run.addNewT().setStringValue(titles.toString());
        docx.enforceUpdateFields();
    }

    private static void styles(XWPFDocument docx) {
        XWPFStyles styles = docx.createStyles();
        style(styles, "Title", "Title", 0, 52, true);
        style(styles, "TOCHeading", "TOC Heading", -1, 32, true);
        style(styles, "Heading1", "heading 1", 0, 36, true);
        style(styles, "Heading2", "heading 2", 1, 28, true);
        style(styles, "Heading3", "heading 3", 2, 24, true);
    }

    /**
     * @param outline outline level (0 = level 1), or -1 for none
     * @param halfPoints font size in half points
     */
    private static void style(XWPFStyles styles, String id, String name, int outline, int halfPoints, boolean bold) {
        CTStyle style = CTStyle.Factory.newInstance();
        style.setStyleId(id);
        style.setType(STStyleType.PARAGRAPH);
        style.addNewName().setVal(name);
        style.addNewNext().setVal("Normal");
        style.addNewUiPriority().setVal(BigInteger.valueOf(9));
        style.addNewQFormat();
        CTPPrGeneral paragraph = style.addNewPPr();
        paragraph.addNewKeepNext();
        paragraph.addNewSpacing().setBefore(BigInteger.valueOf(240));
        if (outline >= 0) {
            paragraph.addNewOutlineLvl().setVal(BigInteger.valueOf(outline));
        }
        CTRPr run = style.addNewRPr();
        if (bold) {
            run.addNewB();
        }
        run.addNewSz().setVal(BigInteger.valueOf(halfPoints));
        styles.addStyle(new XWPFStyle(style, styles));
    }
}
