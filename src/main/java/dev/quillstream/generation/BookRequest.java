package dev.quillstream.generation;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A request for a book, as the seed's {@code POST /api/v1/generate-book} takes it, with an optional
 * outline the user controls. The structure is a contract: the book has exactly {@link #chapters()}
 * chapters, chapter {@code i} exactly {@link #sectionsIn(int)} sections.
 *
 * @param numChapters 1–50; taken from the outline when absent (default {@value #DEFAULT_CHAPTERS})
 * @param sectionsPerChapter 1–20; when absent, each outline chapter's own sections count (default
 *     {@value #DEFAULT_SECTIONS})
 * @param outline chapters in order; a chapter's sections may be left empty for the model to plan.
 *     Titles given here are used as they are
 * @param wordsPerSection target length of a section without its own {@code target_words}
 * @param async false waits for the book; by default (null, true) the answer is the job's location
 * @param formats the exports made when the book is written, the first being its {@code output_file}
 *     (default {@code epub})
 */
@BookRequest.ConsistentStructure
public record BookRequest(
        @NotBlank(message = "must not be blank") @Size(max = 300, message = "must be at most 300 characters")
        String title,

        @Nullable @Min(value = 1, message = "must be at least 1") @Max(value = 50, message = "must be at most 50")
        Integer numChapters,

        @Nullable @Min(value = 1, message = "must be at least 1") @Max(value = 20, message = "must be at most 20")
        Integer sectionsPerChapter,

        @Size(max = 20, message = "must contain at most 20 keywords")
        List<
                        @NotBlank(message = "must not be blank")
                        @Size(max = 100, message = "must be at most 100 characters") String>
                keywords,

        Tone tone,
        BookKind kind,
        boolean research,
        boolean proofread,
        boolean humanize,

        @Nullable @Size(max = 100, message = "must be at most 100 characters")
        String conversationId,

        @Pattern(regexp = "[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*", message = "must be a language tag such as en or pt-BR")
        String language,

        @Min(value = MIN_WORDS, message = "must be at least " + MIN_WORDS)
        @Max(value = MAX_WORDS, message = "must be at most " + MAX_WORDS)
        int wordsPerSection,

        @Size(max = 50, message = "must have at most 50 chapters")
        List<@Valid OutlineChapter> outline,

        @Nullable Boolean async,

        @Size(max = 5, message = "must list at most 5 formats")
        List<
                        @Pattern(
                                regexp = "(?i)epub|docx|pdf|html|markdown|md",
                                message = "must be one of epub, docx, pdf, html, markdown")
                        String>
                formats) {

    public static final int DEFAULT_CHAPTERS = 10;
    public static final int DEFAULT_SECTIONS = 4;
    public static final int DEFAULT_WORDS = 700;
    public static final int MIN_WORDS = 150;
    public static final int MAX_WORDS = 5000;

    public BookRequest {
        title = title == null ? "" : title.strip();
        keywords = keywords == null
                ? List.of()
                : keywords.stream().map(k -> k == null ? "" : k.strip()).toList();
        tone = tone == null ? Tone.PROFESSIONAL : tone;
        kind = kind == null ? BookKind.GUIDE : kind;
        language = language == null || language.isBlank() ? "en" : language.strip();
        wordsPerSection = wordsPerSection == 0 ? DEFAULT_WORDS : wordsPerSection;
        outline = outline == null ? List.of() : List.copyOf(outline);
        formats = formats == null || formats.isEmpty()
                ? List.of("epub")
                : formats.stream()
                        .map(f -> f == null ? "" : f.strip().toLowerCase(java.util.Locale.ROOT))
                        .distinct()
                        .toList();
    }

    /** A request that runs as the caller decides (the CLI, tests): {@code async} unset. */
    public BookRequest(
            String title,
            @Nullable Integer numChapters,
            @Nullable Integer sectionsPerChapter,
            List<String> keywords,
            Tone tone,
            BookKind kind,
            boolean research,
            boolean proofread,
            boolean humanize,
            @Nullable String conversationId,
            String language,
            int wordsPerSection,
            @Nullable List<OutlineChapter> outline) {
        this(
                title,
                numChapters,
                sectionsPerChapter,
                keywords,
                tone,
                kind,
                research,
                proofread,
                humanize,
                conversationId,
                language,
                wordsPerSection,
                outline,
                null,
                null);
    }

    /** A book runs as a job the caller does not wait for, unless it asks to ({@code "async": false}). */
    public boolean runsAsync() {
        return async == null || async;
    }

    public static BookRequest of(String title, int chapters, int sections, List<String> keywords, BookKind kind) {
        return new BookRequest(
                title, chapters, sections, keywords, Tone.PROFESSIONAL, kind, false, false, false, null, "en", 0, null);
    }

    /** The same request with the user's outline. */
    public BookRequest withOutline(List<OutlineChapter> chapters) {
        return new BookRequest(
                title,
                numChapters,
                sectionsPerChapter,
                keywords,
                tone,
                kind,
                research,
                proofread,
                humanize,
                conversationId,
                language,
                wordsPerSection,
                chapters,
                async,
                formats);
    }

    /** How many chapters the book has. */
    public int chapters() {
        if (numChapters != null) {
            return numChapters;
        }
        return outline.isEmpty() ? DEFAULT_CHAPTERS : outline.size();
    }

    /** How many sections chapter {@code chapter} (0-based) has. */
    public int sectionsIn(int chapter) {
        if (sectionsPerChapter != null) {
            return sectionsPerChapter;
        }
        if (chapter < outline.size() && !outline.get(chapter).sections().isEmpty()) {
            return outline.get(chapter).sections().size();
        }
        return DEFAULT_SECTIONS;
    }

    /** The user's plan of chapter {@code chapter}, when the outline has one. */
    public @Nullable OutlineChapter outlineOf(int chapter) {
        return chapter < outline.size() ? outline.get(chapter) : null;
    }

    /** A chapter the user planned: its title, notes for the writer, and optionally its sections. */
    public record OutlineChapter(
            @NotBlank(message = "must not be blank") @Size(max = 200, message = "must be at most 200 characters")
            String title,

            @Size(max = 2000, message = "must be at most 2000 characters")
            String notes,

            @Size(max = 20, message = "must have at most 20 sections")
            List<@Valid OutlineSection> sections) {

        public OutlineChapter {
            title = title == null ? "" : title.strip();
            notes = notes == null ? "" : notes.strip();
            sections = sections == null ? List.of() : List.copyOf(sections);
        }
    }

    /** A section the user planned; {@code targetWords} 0 means the request's words per section. */
    public record OutlineSection(
            @NotBlank(message = "must not be blank") @Size(max = 200, message = "must be at most 200 characters")
            String title,

            @Size(max = 2000, message = "must be at most 2000 characters")
            String notes,

            @Max(value = MAX_WORDS, message = "must be at most " + MAX_WORDS)
            int targetWords) {

        public OutlineSection {
            title = title == null ? "" : title.strip();
            notes = notes == null ? "" : notes.strip();
        }
    }

    /**
     * The counts and the outline agree: as many outline chapters as {@code num_chapters}, and every
     * chapter that lists sections lists {@code sections_per_chapter} of them; no section target below
     * the minimum.
     */
    @Target(ElementType.TYPE)
    @Retention(RetentionPolicy.RUNTIME)
    @Constraint(validatedBy = StructureCheck.class)
    public @interface ConsistentStructure {
        String message() default "the outline does not match the requested structure";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};
    }

    public static final class StructureCheck implements ConstraintValidator<ConsistentStructure, BookRequest> {

        @Override
        public boolean isValid(@Nullable BookRequest request, ConstraintValidatorContext context) {
            if (request == null || request.outline().isEmpty()) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            boolean valid = true;
            if (request.numChapters() != null && request.outline().size() != request.numChapters()) {
                valid = violation(
                        context,
                        "outline",
                        "has " + request.outline().size() + " chapters but num_chapters is " + request.numChapters());
            }
            for (int i = 0; i < request.outline().size(); i++) {
                OutlineChapter chapter = request.outline().get(i);
                if (request.sectionsPerChapter() != null
                        && !chapter.sections().isEmpty()
                        && chapter.sections().size() != request.sectionsPerChapter()) {
                    valid = violation(
                            context,
                            "outline",
                            "chapter " + (i + 1) + " has " + chapter.sections().size()
                                    + " sections but sections_per_chapter is " + request.sectionsPerChapter());
                }
                for (int j = 0; j < chapter.sections().size(); j++) {
                    int words = chapter.sections().get(j).targetWords();
                    if (words != 0 && words < MIN_WORDS) {
                        valid = violation(
                                context,
                                "outline",
                                "chapter " + (i + 1) + " section " + (j + 1)
                                        + " target_words must be 0 (default) or at least " + MIN_WORDS);
                    }
                }
            }
            return valid;
        }

        private static boolean violation(ConstraintValidatorContext context, String field, String message) {
            context.buildConstraintViolationWithTemplate(
                            message.replace("{", "(").replace("}", ")"))
                    .addPropertyNode(field)
                    .addConstraintViolation();
            return false;
        }
    }
}
