package dev.quillstream.export;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** The formats a document is exported to, with the file extension and media type of each. */
public enum ExportFormat {
    MARKDOWN("md", "text/markdown; charset=utf-8"),
    HTML("html", "text/html; charset=utf-8"),
    DOCX("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
    PDF("pdf", "application/pdf"),
    EPUB("epub", "application/epub+zip");

    private final String extension;
    private final String mediaType;

    ExportFormat(String extension, String mediaType) {
        this.extension = extension;
        this.mediaType = mediaType;
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String extension() {
        return extension;
    }

    public String mediaType() {
        return mediaType;
    }

    /** By name ({@code markdown}, {@code pdf}...) or extension ({@code md}), case-insensitive. */
    public static Optional<ExportFormat> parse(String text) {
        String wanted = text.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(f -> f.id().equals(wanted) || f.extension.equals(wanted))
                .findFirst();
    }

    public static String known() {
        return Arrays.stream(values()).map(ExportFormat::id).collect(Collectors.joining(", "));
    }
}
