package dev.quillstream.generation.book;

import dev.quillstream.content.Book;
import dev.quillstream.generation.BookRequest;
import dev.quillstream.generation.GenerationFailed;
import java.util.ArrayList;
import java.util.List;

/**
 * The structure is a contract: exactly the requested chapters, each with exactly its sections, every
 * section written. A book that breaks it is refused, never stored. Lengths are reported, not refused.
 */
final class StructureCheck {

    private StructureCheck() {}

    static List<String> problems(Book book, BookRequest request) {
        List<String> problems = new ArrayList<>();
        if (book.chapters().size() != request.chapters()) {
            problems.add("the book has " + book.chapters().size() + " chapters, not " + request.chapters());
        }
        for (int c = 0; c < book.chapters().size(); c++) {
            Book.Chapter chapter = book.chapters().get(c);
            if (chapter.title().isBlank()) {
                problems.add("chapter " + (c + 1) + " has no title");
            }
            if (chapter.topics().size() != request.sectionsIn(c)) {
                problems.add("chapter " + (c + 1) + " has " + chapter.topics().size() + " sections, not "
                        + request.sectionsIn(c));
            }
            BookRequest.OutlineChapter mine = request.outlineOf(c);
            if (mine != null && !mine.title().equals(chapter.title())) {
                problems.add("chapter " + (c + 1) + " is not titled as the outline says");
            }
            for (int s = 0; s < chapter.topics().size(); s++) {
                Book.Topic topic = chapter.topics().get(s);
                if (topic.title().isBlank() || topic.content().isBlank()) {
                    problems.add("chapter " + (c + 1) + " section " + (s + 1) + " is empty");
                }
                if (mine != null
                        && s < mine.sections().size()
                        && !mine.sections().get(s).title().equals(topic.title())) {
                    problems.add("chapter " + (c + 1) + " section " + (s + 1) + " is not titled as the outline says");
                }
            }
        }
        return problems;
    }

    static void require(Book book, BookRequest request) {
        List<String> problems = problems(book, request);
        if (!problems.isEmpty()) {
            throw new GenerationFailed("the book does not match its structure: " + String.join("; ", problems));
        }
    }
}
