package dev.quillstream.content;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A book in the seed's shape — {@code id, title, chapters[{number, title, topics[{title, content}]}],
 * output_file, tags} — plus what it was written from, so one chapter or section can be written again
 * without touching the rest: the plan, the bible, each chapter's summary and each section's notes and
 * target length.
 *
 * @param kind {@code guide}, {@code novel} or {@code textbook}
 * @param outputFile where the book's default export (EPUB) is downloaded; null where there is no
 *     export (the CLI)
 * @param outputFiles every export made when the book was written, by format ({@code epub}, {@code docx}, {@code pdf}...)
 * @param frontMatter the title page and table of contents, as Markdown
 * @param bibliography every source cited, numbered by first citation in reading order, each once
 */
public record Book(
        String id,
        String title,
        String kind,
        String date,
        List<Chapter> chapters,
        @Nullable String outputFile,
        java.util.Map<String, String> outputFiles,
        List<String> tags,
        FrontMatter frontMatter,
        List<Reference> bibliography,
        Plan plan,
        List<BibleEntry> bible,
        BookMetadata metadata) {

    public Book {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        chapters = List.copyOf(chapters);
        outputFiles = outputFiles == null
                ? java.util.Map.of()
                : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(outputFiles));
        tags = List.copyOf(tags);
        bibliography = List.copyOf(bibliography);
        bible = List.copyOf(bible);
        Objects.requireNonNull(metadata, "metadata");
    }

    /** A chapter: its 1-based number, title, a summary of what it says (for later chapters), its sections. */
    public record Chapter(int number, String title, String summary, List<Topic> topics) {
        public Chapter {
            topics = List.copyOf(topics);
        }

        public Chapter withTopics(List<Topic> newTopics) {
            return new Chapter(number, title, summary, newTopics);
        }

        public Chapter withSummary(String newSummary) {
            return new Chapter(number, title, newSummary, topics);
        }
    }

    /**
     * A section: its title and Markdown text, the notes it was written from, its target length and
     * its actual length in words.
     */
    public record Topic(String title, String content, String notes, int targetWords, int words) {}

    public record FrontMatter(String titlePage, String tableOfContents) {}

    /** A source in the bibliography; {@code chapters} are the 1-based numbers of the chapters citing it. */
    public record Reference(int number, String title, String url, List<String> foundBy, List<Integer> chapters) {
        public Reference {
            foundBy = List.copyOf(foundBy);
            chapters = List.copyOf(chapters);
        }
    }

    /** The book's plan: its premise or thesis, its audience, and what each chapter was planned to cover. */
    public record Plan(String premise, String audience, List<PlannedChapter> chapters) {
        public Plan {
            chapters = List.copyOf(chapters);
        }
    }

    public record PlannedChapter(String title, String synopsis, String notes) {}

    /**
     * A fact, character, place or term the book establishes, with the 1-based number of the chapter
     * that introduced it; later chapters are written to agree with it.
     */
    public record BibleEntry(String name, String kind, String description, int chapter) {}

    public Book withChapters(
            List<Chapter> newChapters,
            FrontMatter newFrontMatter,
            List<Reference> newBibliography,
            List<BibleEntry> newBible,
            BookMetadata newMetadata) {
        return new Book(
                id,
                title,
                kind,
                date,
                newChapters,
                outputFile,
                outputFiles,
                tags,
                newFrontMatter,
                newBibliography,
                plan,
                newBible,
                newMetadata);
    }

    /** The book with its exports: {@code files} by format, the first one being its {@code output_file}. */
    public Book withOutputFiles(java.util.Map<String, String> files) {
        String primary = files.isEmpty() ? null : files.values().iterator().next();
        return new Book(
                id,
                title,
                kind,
                date,
                chapters,
                primary,
                files,
                tags,
                frontMatter,
                bibliography,
                plan,
                bible,
                metadata);
    }
}
