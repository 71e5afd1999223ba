package dev.quillstream.generation.book;

import dev.quillstream.content.BlogMetadata;
import dev.quillstream.content.Book;
import dev.quillstream.content.BookMetadata;
import dev.quillstream.generation.grounding.CitationValidator;
import dev.quillstream.generation.grounding.Grounding;
import dev.quillstream.generation.grounding.NumberedSource;
import dev.quillstream.generation.grounding.UrlGuard;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The draft as a {@link Book}: chapters of sections, front matter (title page, table of contents),
 * and for a researched book every citation checked against the sources, foreign URLs removed and one
 * renumbered, de-duplicated bibliography as back matter.
 */
final class BookAssembly {

    static final String BIBLIOGRAPHY = "Bibliography";

    private BookAssembly() {}

    /** The chapters' section texts, with citations checked when the book is researched. */
    static List<List<String>> texts(BookRun run) {
        Grounding grounding = run.draft.grounding();
        UrlGuard urls = grounding == null
                ? null
                : new UrlGuard(
                        grounding.sources().stream().map(NumberedSource::url).collect(Collectors.toSet()));
        List<List<String>> chapters = new ArrayList<>();
        for (int c = 0; c < run.request.chapters(); c++) {
            List<String> texts = new ArrayList<>();
            for (int s = 0; s < run.draft.outline(c).size(); s++) {
                String text = run.draft.section(c, s);
                text = text == null ? "" : text;
                if (grounding != null) {
                    text = urls.strip(CitationValidator.validate(
                                            text, grounding.sources().size())
                                    .text())
                            .strip();
                }
                texts.add(text);
            }
            chapters.add(texts);
        }
        return chapters;
    }

    static Book assemble(BookRun run, String date) {
        List<List<String>> texts = texts(run);
        Grounding grounding = run.draft.grounding();
        Bibliography bibliography = grounding == null ? null : Bibliography.of(grounding.sources(), texts);
        List<Book.Chapter> chapters = new ArrayList<>();
        for (int c = 0; c < texts.size(); c++) {
            List<Book.Topic> topics = new ArrayList<>();
            List<BookDraft.PlannedSection> outline = run.draft.outline(c);
            for (int s = 0; s < outline.size(); s++) {
                String text = bibliography == null
                        ? texts.get(c).get(s)
                        : CitationValidator.renumber(texts.get(c).get(s), bibliography.numbers());
                BookDraft.PlannedSection planned = outline.get(s);
                topics.add(new Book.Topic(
                        planned.title(), text, planned.notes(), planned.targetWords(), SectionLength.words(text)));
            }
            chapters.add(new Book.Chapter(
                    c + 1,
                    run.draft.plan().chapters().get(c).title(),
                    run.draft.summaries.getOrDefault(c, ""),
                    topics));
        }
        BookMetadata.Lengths lengths = lengths(chapters);
        List<Book.Reference> references = bibliography == null ? List.of() : bibliography.references();
        BookDraft.Plan plan = run.draft.plan();
        boolean offline = run.meter.snapshot().offline();
        return new Book(
                run.draft.id,
                run.request.title(),
                run.request.kind().id(),
                date,
                chapters,
                null,
                java.util.Map.of(),
                tags(run),
                frontMatter(
                        run.request.title(),
                        run.request.kind().description(),
                        plan.premise(),
                        chapters,
                        !references.isEmpty(),
                        offline),
                references,
                new Book.Plan(plan.premise(), plan.audience(), plan.chapters()),
                List.copyOf(run.draft.bible),
                metadata(run, lengths, chapters, bibliography == null ? List.of() : bibliography.sources()));
    }

    static Book.FrontMatter frontMatter(
            String title,
            String kind,
            String premise,
            List<Book.Chapter> chapters,
            boolean bibliography,
            boolean offline) {
        StringBuilder titlePage = new StringBuilder("# ")
                .append(title)
                .append("\n\n*")
                .append(Character.toUpperCase(kind.charAt(0)))
                .append(kind.substring(1))
                .append("*\n\n")
                .append(premise);
        if (offline) {
            titlePage.append("\n\n*An offline draft: written by Quillstream's offline model, not for publication.*");
        }
        StringBuilder toc = new StringBuilder();
        for (Book.Chapter chapter : chapters) {
            toc.append(chapter.number()).append(". ").append(chapter.title()).append('\n');
            for (Book.Topic topic : chapter.topics()) {
                toc.append("   - ").append(topic.title()).append('\n');
            }
        }
        if (bibliography) {
            toc.append(BIBLIOGRAPHY).append('\n');
        }
        return new Book.FrontMatter(titlePage.toString(), toc.toString().strip());
    }

    /** The keywords, else the title's longer words: what a listing or a store files the book under. */
    private static List<String> tags(BookRun run) {
        List<String> tags = run.request.keywords().stream()
                .map(k -> k.toLowerCase(Locale.ROOT))
                .distinct()
                .collect(Collectors.toCollection(ArrayList::new));
        if (tags.isEmpty()) {
            for (String word : run.request.title().toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
                if (word.length() > 3 && !tags.contains(word)) {
                    tags.add(word);
                }
            }
        }
        tags.add(run.request.kind().id());
        return tags.stream().distinct().limit(10).toList();
    }

    static BookMetadata metadata(
            BookRun run, BookMetadata.Lengths lengths, List<Book.Chapter> chapters, List<BlogMetadata.Source> sources) {
        var usage = run.meter.snapshot();
        return new BookMetadata(
                usage.provider(),
                usage.model(),
                usage.offline(),
                run.usage(),
                run.timingsMs,
                run.request.tone().id(),
                run.request.language(),
                run.request.keywords(),
                java.time.Instant.now().toString(),
                run.request.conversationId(),
                new BookMetadata.Structure(
                        chapters.size(),
                        chapters.stream().map(c -> c.topics().size()).toList(),
                        run.request.wordsPerSection()),
                lengths,
                run.editing.values().stream().map(SectionEditing.Tally::report).toList(),
                List.of(),
                sources);
    }

    /** How the sections' lengths compare with their targets. */
    static BookMetadata.Lengths lengths(List<Book.Chapter> chapters) {
        List<BookMetadata.OffTarget> off = new ArrayList<>();
        int within = 0;
        int total = 0;
        for (Book.Chapter chapter : chapters) {
            for (int s = 0; s < chapter.topics().size(); s++) {
                Book.Topic topic = chapter.topics().get(s);
                total += topic.words();
                if (SectionLength.fits(topic.content(), topic.targetWords())) {
                    within++;
                } else {
                    off.add(new BookMetadata.OffTarget(chapter.number(), s + 1, topic.words(), topic.targetWords()));
                }
            }
        }
        return new BookMetadata.Lengths(SectionLength.TOLERANCE, within, off, total);
    }
}
