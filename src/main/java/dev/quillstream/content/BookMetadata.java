package dev.quillstream.content;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * How a book was made.
 *
 * @param offline true when any part was drafted by the offline model: such a book is a draft only
 * @param timingsMs wall time per pipeline step, in milliseconds
 * @param structure the chapters and sections the book was validated against
 * @param lengths how the sections' lengths compare with their targets
 * @param editing the editorial passes (proofread, humanize) over the sections, when asked for
 * @param revisions the chapters and sections written again since, oldest first
 * @param sources for a researched book, every source gathered, cited or not
 */
public record BookMetadata(
        String provider,
        String model,
        boolean offline,
        BlogMetadata.Usage usage,
        Map<String, Long> timingsMs,
        String tone,
        String language,
        List<String> keywords,
        String generatedAt,
        @Nullable String conversationId,
        Structure structure,
        Lengths lengths,
        List<BlogMetadata.EditPass> editing,
        List<Revision> revisions,
        List<BlogMetadata.Source> sources) {

    public BookMetadata {
        timingsMs = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(timingsMs));
        keywords = List.copyOf(keywords);
        editing = editing == null ? List.of() : List.copyOf(editing);
        revisions = revisions == null ? List.of() : List.copyOf(revisions);
        sources = sources == null ? List.of() : List.copyOf(sources);
    }

    /** @param sectionsPerChapter each chapter's number of sections, in order */
    public record Structure(int chapters, List<Integer> sectionsPerChapter, int wordsPerSection) {
        public Structure {
            sectionsPerChapter = List.copyOf(sectionsPerChapter);
        }
    }

    /**
     * @param tolerance the accepted deviation from a section's target, as a fraction (0.15)
     * @param withinTarget sections within tolerance
     * @param offTarget sections still outside it after the allowed re-asks
     */
    public record Lengths(double tolerance, int withinTarget, List<OffTarget> offTarget, int totalWords) {
        public Lengths {
            offTarget = List.copyOf(offTarget);
        }
    }

    /** A section (1-based chapter and section numbers) whose length missed its target. */
    public record OffTarget(int chapter, int section, int words, int targetWords) {}

    /**
     * A chapter or section written again.
     *
     * @param section null when the whole chapter was
     */
    public record Revision(
            int chapter,
            @Nullable Integer section,
            @Nullable String instructions,
            String at,
            BlogMetadata.Usage usage) {}

    public BookMetadata revised(Revision revision, Lengths newLengths) {
        List<Revision> all = new java.util.ArrayList<>(revisions);
        all.add(revision);
        return new BookMetadata(
                provider,
                model,
                offline,
                usage,
                timingsMs,
                tone,
                language,
                keywords,
                generatedAt,
                conversationId,
                structure,
                newLengths,
                editing,
                all,
                sources);
    }
}
