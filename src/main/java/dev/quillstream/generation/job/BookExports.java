package dev.quillstream.generation.job;

import dev.quillstream.content.Book;
import dev.quillstream.export.BookDocumentSource;
import dev.quillstream.export.ExportFormat;
import dev.quillstream.export.Exports;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * A written (or edited) book's exports, made through the export module as soon as it is stored
 * (EPUB by default; DOCX, PDF, HTML or Markdown on request), so its {@code output_file} downloads at
 * once. The links are the stable {@code /api/v1/contents/{id}/file?format=}, which answer with a
 * fresh signed link to the stored file; an export that failed here is rendered again on download.
 */
@Component
class BookExports {

    private static final Logger log = LoggerFactory.getLogger(BookExports.class);

    private final Exports exports;

    BookExports(Exports exports) {
        this.exports = exports;
    }

    Book exported(Book book, List<String> formats) {
        Map<String, String> files = new LinkedHashMap<>();
        for (String name : formats) {
            ExportFormat format = ExportFormat.parse(name)
                    .orElseThrow(() -> new IllegalArgumentException("unknown export format " + name));
            try {
                exports.store(BookDocumentSource.of(book), format);
            } catch (RuntimeException e) {
                log.warn("Could not export book {} as {} now; it is rendered on download", book.id(), format.id(), e);
            }
            files.put(format.id(), "/api/v1/contents/" + book.id() + "/file?format=" + format.id());
        }
        return book.withOutputFiles(files);
    }
}
