package dev.quillstream.research.local;

import dev.quillstream.research.fetch.MainText;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jspecify.annotations.Nullable;

/**
 * The text of a library document: Markdown and plain text as written, HTML reduced to its main text
 * (jsoup), PDF through Apache PDFBox. The format is told by the file name, then by the declared
 * media type, then by the bytes ({@code %PDF-}, a leading {@code <html}).
 */
public final class DocumentExtractor {

    /** What a document is about and what it says. */
    public record Extracted(String title, String mediaType, String text) {}

    /** The document's format is not one of Markdown, text, HTML or PDF, or it has no text to read. */
    public static final class UnsupportedDocument extends RuntimeException {
        public UnsupportedDocument(String message) {
            super(message);
        }
    }

    public static final String MARKDOWN = "text/markdown";
    public static final String TEXT = "text/plain";
    public static final String HTML = "text/html";
    public static final String PDF = "application/pdf";

    private final int maxCharacters;

    public DocumentExtractor(int maxCharacters) {
        this.maxCharacters = maxCharacters;
    }

    /** Whether a file of this name is a library document (by extension). */
    public static boolean supportedName(String fileName) {
        return typeByName(fileName) != null;
    }

    public Extracted extract(String fileName, @Nullable String declaredType, byte[] bytes) {
        String type = typeOf(fileName, declaredType, bytes);
        String base = baseName(fileName);
        Extracted extracted = switch (type) {
            case PDF -> pdf(base, bytes);
            case HTML -> {
                MainText.Page page = MainText.extract(decode(bytes), "");
                yield new Extracted(page.title().isBlank() ? base : page.title(), HTML, page.text());
            }
            case MARKDOWN -> {
                String text = decode(bytes);
                yield new Extracted(markdownTitle(text, base), MARKDOWN, text.strip());
            }
            default -> new Extracted(base, TEXT, decode(bytes).strip());
        };
        if (extracted.text().isBlank()) {
            throw new UnsupportedDocument(
                    fileName + " has no text to index" + (type.equals(PDF) ? " (a scanned PDF needs OCR first)" : ""));
        }
        String text = extracted.text().length() <= maxCharacters
                ? extracted.text()
                : extracted.text().substring(0, maxCharacters);
        return new Extracted(oneLine(extracted.title(), base), extracted.mediaType(), text);
    }

    static String typeOf(String fileName, @Nullable String declaredType, byte[] bytes) {
        String byName = typeByName(fileName);
        if (byName != null) {
            return byName;
        }
        String declared = declaredType == null
                ? ""
                : declaredType.toLowerCase(Locale.ROOT).split(";")[0].strip();
        switch (declared) {
            case PDF:
                return PDF;
            case HTML, "application/xhtml+xml":
                return HTML;
            case MARKDOWN, "text/x-markdown":
                return MARKDOWN;
            case TEXT:
                return TEXT;
            default:
                break;
        }
        if (bytes.length >= 5 && new String(bytes, 0, 5, StandardCharsets.US_ASCII).equals("%PDF-")) {
            return PDF;
        }
        String head = new String(bytes, 0, Math.min(bytes.length, 512), StandardCharsets.ISO_8859_1)
                .strip()
                .toLowerCase(Locale.ROOT);
        if (head.startsWith("<!doctype html") || head.startsWith("<html")) {
            return HTML;
        }
        throw new UnsupportedDocument("unsupported document type" + (declared.isEmpty() ? "" : " " + declared) + " for "
                + fileName + ": use Markdown (.md), text (.txt), HTML (.html) or PDF (.pdf)");
    }

    private static @Nullable String typeByName(String fileName) {
        String name = fileName.toLowerCase(Locale.ROOT);
        if (name.endsWith(".md") || name.endsWith(".markdown")) {
            return MARKDOWN;
        }
        if (name.endsWith(".txt") || name.endsWith(".text")) {
            return TEXT;
        }
        if (name.endsWith(".html") || name.endsWith(".htm") || name.endsWith(".xhtml")) {
            return HTML;
        }
        if (name.endsWith(".pdf")) {
            return PDF;
        }
        return null;
    }

    private static Extracted pdf(String base, byte[] bytes) {
        try (PDDocument document = Loader.loadPDF(new RandomAccessReadBuffer(bytes))) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            stripper.setParagraphEnd("\n\n");
            String text = stripper.getText(document);
            String title = document.getDocumentInformation().getTitle();
            return new Extracted(title == null || title.isBlank() ? base : title, PDF, text.strip());
        } catch (InvalidPasswordException e) {
            throw new UnsupportedDocument(base + " is an encrypted PDF; upload it without a password");
        } catch (IOException e) {
            throw new UnsupportedDocument(base + " is not a readable PDF: " + e.getMessage());
        }
    }

    /** UTF-8 (a BOM is dropped); bytes that are not UTF-8 are read as Windows-1252, the usual alternative. */
    static String decode(byte[] bytes) {
        try {
            String text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            return new String(bytes, java.nio.charset.Charset.forName("windows-1252"));
        }
    }

    private static String markdownTitle(String text, String fallback) {
        for (String line : text.lines().limit(40).toList()) {
            if (line.startsWith("# ")) {
                return line.substring(2).strip();
            }
            if (line.startsWith("title:")) {
                return line.substring(6).strip().replaceAll("^[\"']|[\"']$", "");
            }
        }
        return fallback;
    }

    private static String baseName(String fileName) {
        String name = fileName.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1);
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    private static String oneLine(String title, String fallback) {
        String line = title.replaceAll("\\s+", " ").strip();
        if (line.isEmpty()) {
            line = fallback;
        }
        return line.length() <= 300 ? line : line.substring(0, 300);
    }
}
