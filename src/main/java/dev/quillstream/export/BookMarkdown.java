package dev.quillstream.export;

import dev.quillstream.content.Book;
import org.springframework.stereotype.Component;

/**
 * A book as one Markdown file: the title page, the table of contents, one H1 per chapter
 * ("Chapter n: title"), one H2 per section, and the bibliography as back matter.
 */
@Component
public class BookMarkdown {

    public String render(Book book) {
        StringBuilder markdown = new StringBuilder(
                        book.frontMatter().titlePage().strip())
                .append("\n\n## Contents\n\n")
                .append(book.frontMatter().tableOfContents())
                .append('\n');
        for (Book.Chapter chapter : book.chapters()) {
            markdown.append("\n# Chapter ")
                    .append(chapter.number())
                    .append(": ")
                    .append(chapter.title())
                    .append('\n');
            for (Book.Topic topic : chapter.topics()) {
                markdown.append("\n## ")
                        .append(topic.title())
                        .append("\n\n")
                        .append(topic.content().strip())
                        .append('\n');
            }
        }
        if (!book.bibliography().isEmpty()) {
            markdown.append("\n# Bibliography\n");
            for (Book.Reference reference : book.bibliography()) {
                markdown.append("\n[")
                        .append(reference.number())
                        .append("] ")
                        .append(reference.title())
                        .append(" — <")
                        .append(reference.url())
                        .append(">\n");
            }
        }
        return markdown.toString();
    }
}
