package dev.quillstream.export;

import dev.quillstream.content.Book;
import java.util.List;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stored books (they have {@code chapters}) as documents: one chapter per book chapter (an XHTML
 * file each in an EPUB, a bookmark each in a PDF), its sections in order, the bibliography as back
 * matter that the sections' {@code [n]} markers cite, the premise as the description.
 */
@Component
public class BookDocumentSource implements ExportDocumentSource {

    private final JsonMapper json;

    BookDocumentSource(JsonMapper json) {
        this.json = json;
    }

    @Override
    public boolean supports(JsonNode stored) {
        return stored.has("chapters") && !stored.has("sections");
    }

    @Override
    public ExportDocument toDocument(JsonNode stored) {
        return of(json.treeToValue(stored, Book.class));
    }

    public static ExportDocument of(Book book) {
        List<ExportDocument.Chapter> chapters = book.chapters().stream()
                .map(chapter -> new ExportDocument.Chapter(
                        "Chapter " + chapter.number() + ": " + chapter.title(),
                        chapter.topics().stream()
                                .map(topic -> new ExportDocument.Section(topic.title(), topic.content()))
                                .toList()))
                .toList();
        List<ExportDocument.Reference> bibliography = book.bibliography().stream()
                .map(reference -> new ExportDocument.Reference(reference.number(), reference.title(), reference.url()))
                .toList();
        return ExportDocument.ofChapters(
                        book.id(),
                        book.title(),
                        book.plan().premise(),
                        chapters,
                        bibliography,
                        book.tags(),
                        book.date(),
                        book.metadata().offline(),
                        "Quillstream (" + book.metadata().provider() + ", "
                                + book.metadata().model() + ")")
                .withLanguage(book.metadata().language());
    }
}
