package dev.quillstream.generation.book;

import dev.quillstream.content.Book;
import dev.quillstream.content.BookMetadata;
import dev.quillstream.generation.BookCheckpoints;
import dev.quillstream.generation.BookKind;
import dev.quillstream.generation.BookRequest;
import dev.quillstream.generation.GenerationListener;
import dev.quillstream.generation.Tone;
import dev.quillstream.generation.grounding.CitationValidator;
import dev.quillstream.generation.grounding.UrlGuard;
import dev.quillstream.generation.support.Parallel;
import dev.quillstream.llm.TextModel;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Writes one chapter or one section of a finished book again, optionally following the author's
 * instructions, and leaves every other section's text exactly as it was. The rewritten part is given
 * what its first writing was given (plan, outline, the bible up to its chapter, earlier summaries);
 * then its chapter and every later chapter are summarised again in order, so the summaries and the
 * bible agree with the new text. Citations in the new text are kept only when they name an entry of
 * the book's bibliography, whose numbering does not change.
 */
final class BookRevision {

    private final Book book;
    private final BookRun run;
    private final int parallelism;

    BookRevision(TextModel model, int parallelism, Book book, GenerationListener listener, BookCheckpoints control) {
        this.book = book;
        this.parallelism = parallelism;
        BookRequest request = requestOf(book);
        BookDraft draft = draftOf(book, request);
        this.run = new BookRun(request, model, listener, control, parallelism, null, null, draft);
    }

    Book chapter(int number, @Nullable String instructions) {
        try {
            return rewriteChapter(number, instructions);
        } finally {
            run.listener.usageRecorded(run.usage());
        }
    }

    Book section(int chapterNumber, int sectionNumber, @Nullable String instructions) {
        try {
            return rewriteSection(chapterNumber, sectionNumber, instructions);
        } finally {
            run.listener.usageRecorded(run.usage());
        }
    }

    private Book rewriteChapter(int number, @Nullable String instructions) {
        int chapter = checkedChapter(number);
        run.draft.bible.removeIf(e -> e.chapter() >= number);
        List<Runnable> tasks = new ArrayList<>();
        for (int s = 0; s < run.draft.outline(chapter).size(); s++) {
            int section = s;
            run.draft.removeSection(chapter, section);
            tasks.add(() ->
                    run.draft.putSection(chapter, section, SectionWriter.write(run, chapter, section, instructions)));
        }
        Parallel.run(tasks, parallelism);
        return finish(chapter, null, instructions);
    }

    private Book rewriteSection(int chapterNumber, int sectionNumber, @Nullable String instructions) {
        int chapter = checkedChapter(chapterNumber);
        int sections = book.chapters().get(chapter).topics().size();
        if (sectionNumber < 1 || sectionNumber > sections) {
            throw new IllegalArgumentException(
                    "section must be between 1 and " + sections + " (chapter " + chapterNumber + ")");
        }
        run.draft.putSection(
                chapter, sectionNumber - 1, SectionWriter.write(run, chapter, sectionNumber - 1, instructions));
        run.draft.bible.removeIf(e -> e.chapter() >= chapterNumber);
        return finish(chapter, sectionNumber, instructions);
    }

    private int checkedChapter(int number) {
        if (number < 1 || number > book.chapters().size()) {
            throw new IllegalArgumentException(
                    "chapter must be between 1 and " + book.chapters().size());
        }
        return number - 1;
    }

    /** Summaries and bible from the changed chapter on; the new texts' citations checked; the rest kept. */
    private Book finish(int chapter, @Nullable Integer section, @Nullable String instructions) {
        for (int c = chapter; c < book.chapters().size(); c++) {
            ChapterSummary.summarise(run, c);
        }
        UrlGuard urls = new UrlGuard(
                book.bibliography().stream().map(Book.Reference::url).collect(Collectors.toSet()));
        List<Book.Chapter> chapters = new ArrayList<>();
        for (Book.Chapter old : book.chapters()) {
            int c = old.number() - 1;
            List<Book.Topic> topics = new ArrayList<>(old.topics());
            if (c == chapter) {
                for (int s = 0; s < topics.size(); s++) {
                    if (section == null || section == s + 1) {
                        Book.Topic topic = topics.get(s);
                        String text = urls.strip(CitationValidator.validate(
                                                run.draft.section(c, s),
                                                book.bibliography().size())
                                        .text())
                                .strip();
                        topics.set(
                                s,
                                new Book.Topic(
                                        topic.title(),
                                        text,
                                        topic.notes(),
                                        topic.targetWords(),
                                        SectionLength.words(text)));
                    }
                }
            }
            chapters.add(new Book.Chapter(old.number(), old.title(), run.draft.summaries.get(c), topics));
        }
        BookMetadata.Revision revision = new BookMetadata.Revision(
                chapter + 1,
                section,
                instructions == null || instructions.isBlank() ? null : instructions.strip(),
                Instant.now().toString(),
                run.usage());
        return book.withChapters(
                chapters,
                book.frontMatter(),
                book.bibliography(),
                List.copyOf(run.draft.bible),
                book.metadata().revised(revision, BookAssembly.lengths(chapters)));
    }

    /** The request the book answers, with its own structure as the outline. */
    static BookRequest requestOf(Book book) {
        List<BookRequest.OutlineChapter> outline = new ArrayList<>();
        for (int c = 0; c < book.chapters().size(); c++) {
            Book.Chapter chapter = book.chapters().get(c);
            String notes = c < book.plan().chapters().size()
                    ? book.plan().chapters().get(c).notes()
                    : "";
            outline.add(new BookRequest.OutlineChapter(
                    chapter.title(),
                    notes,
                    chapter.topics().stream()
                            .map(t -> new BookRequest.OutlineSection(t.title(), t.notes(), t.targetWords()))
                            .toList()));
        }
        BookMetadata metadata = book.metadata();
        return new BookRequest(
                book.title(),
                book.chapters().size(),
                null,
                metadata.keywords(),
                Tone.of(metadata.tone()),
                BookKind.of(book.kind()),
                false,
                metadata.editing().stream().anyMatch(pass -> pass.name().equals("proofread")),
                metadata.editing().stream().anyMatch(pass -> pass.name().equals("humanize")),
                metadata.conversationId(),
                metadata.language(),
                metadata.structure().wordsPerSection(),
                outline);
    }

    private static BookDraft draftOf(Book book, BookRequest request) {
        BookDraft draft = new BookDraft(book.id(), BookDraft.fingerprint(request));
        draft.plan = new BookDraft.Plan(
                book.plan().premise(), book.plan().audience(), book.plan().chapters());
        Map<Integer, List<BookDraft.PlannedSection>> outlines = new HashMap<>();
        for (int c = 0; c < book.chapters().size(); c++) {
            Book.Chapter chapter = book.chapters().get(c);
            outlines.put(
                    c,
                    chapter.topics().stream()
                            .map(t -> new BookDraft.PlannedSection(t.title(), t.notes(), t.targetWords()))
                            .toList());
            for (int s = 0; s < chapter.topics().size(); s++) {
                draft.putSection(c, s, chapter.topics().get(s).content());
            }
            draft.summaries.put(c, chapter.summary());
        }
        draft.outlines.putAll(outlines);
        draft.bible.addAll(book.bible());
        return draft;
    }
}
