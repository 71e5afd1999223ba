package dev.quillstream.cli;

import dev.quillstream.content.Book;
import dev.quillstream.export.BookDocumentSource;
import dev.quillstream.export.ExportFormat;
import dev.quillstream.export.Renderers;
import dev.quillstream.generation.BookCheckpoints;
import dev.quillstream.generation.BookKind;
import dev.quillstream.generation.BookRequest;
import dev.quillstream.generation.BookWriter;
import dev.quillstream.generation.Tone;
import jakarta.validation.Validator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code book}: writes a book and saves it as Markdown, EPUB, DOCX, PDF or HTML (or prints the Markdown). With {@code --checkpoint FILE}
 * progress is saved after every section, and a run given the same file resumes where it stopped.
 */
@Command(name = "book", mixinStandardHelpOptions = true, description = "Write a book with chapters and sections.")
final class BookCommand implements Callable<Integer> {

    private static final JsonMapper OUTLINE = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            // As over HTTP: an absent number means the default.
            .disable(tools.jackson.databind.DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--title", required = true, description = "The book's title (at most 300 characters).")
    String title;

    @Option(names = "--chapters", description = "Number of chapters (1-50; default: the outline's, else 10).")
    @Nullable
    Integer chapters;

    @Option(names = "--sections", description = "Sections per chapter (1-20; default: the outline's, else 4).")
    @Nullable
    Integer sections;

    @Option(names = "--keyword", description = "A keyword to cover; repeat for more (at most 20).")
    List<String> keywords = new ArrayList<>();

    @Option(
            names = "--tone",
            defaultValue = "professional",
            description = "One of: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).",
            completionCandidates = BlogCommand.ToneNames.class)
    Tone tone;

    @Option(
            names = "--kind",
            defaultValue = "guide",
            description = "guide, novel or textbook (default: ${DEFAULT-VALUE}).")
    BookKind kind;

    @Option(
            names = "--words",
            defaultValue = "700",
            description = "Words per section (150-5000; default: ${DEFAULT-VALUE}).")
    int words;

    @Option(names = "--language", defaultValue = "en", description = "Language tag of the book (default: en).")
    String language;

    @Option(
            names = "--outline",
            description = "A JSON file with your outline: [{title, notes, sections: [{title, notes, target_words}]}].")
    @Nullable
    Path outline;

    @Option(
            names = "--out",
            description = "Write the book to this file instead of standard output: Markdown, or EPUB, DOCX, PDF or"
                    + " HTML by the file's extension.")
    @Nullable
    Path out;

    @Option(
            names = "--checkpoint",
            description = "Save progress here after every section; resume from it if it exists.")
    @Nullable
    Path checkpoint;

    @Override
    public Integer call() throws IOException {
        List<BookRequest.OutlineChapter> chapterPlan;
        try {
            chapterPlan = outline == null ? List.of() : readOutline(outline);
        } catch (IOException | JacksonException | IllegalArgumentException e) {
            spec.commandLine().getErr().println("quillstream: --outline: " + QuillstreamCli.oneLine(e));
            return QuillstreamCli.BAD_INPUT;
        }
        BookRequest request = new BookRequest(
                title,
                chapters,
                sections,
                keywords,
                tone,
                kind,
                false,
                false,
                false,
                null,
                language,
                words,
                chapterPlan);
        try (ConfigurableApplicationContext context = CliContext.start()) {
            String invalid = validate(context.getBean(Validator.class), request);
            if (invalid != null) {
                spec.commandLine().getErr().println("quillstream: " + invalid);
                return QuillstreamCli.BAD_INPUT;
            }
            CheckpointFile checkpoints = checkpoint == null ? null : new CheckpointFile(checkpoint);
            Book book;
            try {
                book = context.getBean(BookWriter.class)
                        .write(
                                request,
                                null,
                                new ProgressLines(spec.commandLine().getErr()),
                                checkpoints == null ? BookCheckpoints.NONE : checkpoints);
            } catch (IllegalArgumentException refused) {
                spec.commandLine().getErr().println("quillstream: --checkpoint: " + refused.getMessage());
                return QuillstreamCli.BAD_INPUT;
            }
            ExportFormat format = formatOf(out);
            byte[] bytes = context.getBean(Renderers.class).render(BookDocumentSource.of(book), format);
            String what = book.chapters().size() + " chapters, "
                    + book.metadata().lengths().totalWords() + " words, " + format.id()
                    + (book.metadata().offline() ? ", offline draft" : "");
            if (out == null || format == ExportFormat.MARKDOWN) {
                CommandOutput.deliver(spec, out, new String(bytes, StandardCharsets.UTF_8), what);
            } else {
                CommandOutput.write(spec, out, bytes, what);
            }
            book.metadata()
                    .lengths()
                    .offTarget()
                    .forEach(off -> spec.commandLine()
                            .getErr()
                            .println("  chapter " + off.chapter() + " section " + off.section() + " has " + off.words()
                                    + " words, target " + off.targetWords()));
            if (checkpoints != null) {
                checkpoints.delete();
            }
        }
        return 0;
    }

    /** The export the file name asks for ({@code .epub}, {@code .docx}, {@code .pdf}, {@code .html}); else Markdown. */
    private static ExportFormat formatOf(@Nullable Path out) {
        if (out == null) {
            return ExportFormat.MARKDOWN;
        }
        String name = out.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot < 0
                ? ExportFormat.MARKDOWN
                : ExportFormat.parse(name.substring(dot + 1)).orElse(ExportFormat.MARKDOWN);
    }

    /** An array of chapters, or an object with {@code outline} or {@code chapters} holding one. */
    private static List<BookRequest.OutlineChapter> readOutline(Path file) throws IOException {
        JsonNode json = OUTLINE.readTree(Files.readString(file, StandardCharsets.UTF_8));
        JsonNode chapters = json.isArray() ? json : json.has("outline") ? json.get("outline") : json.path("chapters");
        if (!chapters.isArray()) {
            throw new IllegalArgumentException("expected an array of chapters, or an object with \"outline\"");
        }
        return List.of(OUTLINE.treeToValue(chapters, BookRequest.OutlineChapter[].class));
    }

    private static @Nullable String validate(Validator validator, BookRequest request) {
        return CommandOutput.invalid(
                validator,
                request,
                Map.of(
                        "keywords", "--keyword",
                        "numChapters", "--chapters",
                        "sectionsPerChapter", "--sections",
                        "wordsPerSection", "--words"));
    }
}
