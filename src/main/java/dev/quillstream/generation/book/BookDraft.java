package dev.quillstream.generation.book;

import dev.quillstream.content.BlogMetadata;
import dev.quillstream.content.Book;
import dev.quillstream.generation.BookRequest;
import dev.quillstream.generation.grounding.Grounding;
import dev.quillstream.research.SourceText;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a book run has produced so far. Everything but the grounding's index is saved in every
 * checkpoint ({@link #toJson}), so a resumed run skips the plan, outlines, sections and summaries it
 * finds here. Sections of one chapter are written concurrently: the maps are concurrent and
 * {@link #toJson} is synchronized with {@link #putSection}.
 */
final class BookDraft {

    /** Snake case, as the job's checkpoint is read back by the server (its {@code usage} in particular). */
    private static final JsonMapper JSON = JsonMapper.builder()
            .propertyNamingStrategy(tools.jackson.databind.PropertyNamingStrategies.SNAKE_CASE)
            .build();

    final String id;
    /** Identifies the request this draft belongs to, so a checkpoint is never resumed for another book. */
    final String fingerprint;

    volatile @Nullable Plan plan;
    final Map<Integer, List<PlannedSection>> outlines = new ConcurrentHashMap<>();
    private final Map<String, String> sections = new ConcurrentHashMap<>();
    final Map<Integer, String> summaries = new ConcurrentHashMap<>();
    final List<Book.BibleEntry> bible = new java.util.concurrent.CopyOnWriteArrayList<>();
    volatile @Nullable List<SourceText> sources;
    private volatile @Nullable Grounding grounding;
    /** What earlier runs of this draft spent, from the checkpoint it was restored from. */
    volatile BlogMetadata.@Nullable Usage earlierUsage;

    BookDraft(String id, String fingerprint) {
        this.id = id;
        this.fingerprint = fingerprint;
    }

    static BookDraft start(BookRequest request) {
        return new BookDraft(UUID.randomUUID().toString(), fingerprint(request));
    }

    static String fingerprint(BookRequest request) {
        return Integer.toHexString(JSON.writeValueAsString(request).hashCode());
    }

    /** The plan: premise or thesis, audience, and each chapter's title, synopsis and the user's notes. */
    record Plan(String premise, String audience, List<Book.PlannedChapter> chapters) {
        Plan {
            chapters = List.copyOf(chapters);
        }

        /** The chapter list with synopses, for prompts that need the whole book. */
        String asText() {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < chapters.size(); i++) {
                text.append(i + 1)
                        .append(". ")
                        .append(chapters.get(i).title())
                        .append(" — ")
                        .append(chapters.get(i).synopsis())
                        .append('\n');
            }
            return text.toString().strip();
        }
    }

    /** A section to write: title, what it should cover, and how long it should be. */
    record PlannedSection(String title, String notes, int targetWords) {}

    Plan plan() {
        Plan current = plan;
        if (current == null) {
            throw new IllegalStateException("the plan step has not run");
        }
        return current;
    }

    List<PlannedSection> outline(int chapter) {
        List<PlannedSection> outline = outlines.get(chapter);
        if (outline == null) {
            throw new IllegalStateException("chapter " + (chapter + 1) + " has no outline yet");
        }
        return outline;
    }

    @Nullable
    String section(int chapter, int section) {
        return sections.get(key(chapter, section));
    }

    synchronized void putSection(int chapter, int section, String text) {
        sections.put(key(chapter, section), text);
    }

    synchronized void removeSection(int chapter, int section) {
        sections.remove(key(chapter, section));
    }

    /** The research the book is grounded in, rebuilt from the saved source texts when resumed. */
    @Nullable
    Grounding grounding() {
        List<SourceText> texts = sources;
        if (texts == null) {
            return null;
        }
        Grounding current = grounding;
        if (current == null) {
            synchronized (this) {
                if (grounding == null) {
                    grounding = Grounding.of(texts);
                }
                current = grounding;
            }
        }
        return current;
    }

    int percentDone(BookRequest request) {
        int total = 0;
        for (int c = 0; c < request.chapters(); c++) {
            total += request.sectionsIn(c) + 1;
        }
        return Math.min(99, (sections.size() + summaries.size()) * 100 / Math.max(1, total));
    }

    private static String key(int chapter, int section) {
        return chapter + "." + section;
    }

    /** The saved form: plain records, so the checkpoint is readable JSON. */
    record Saved(
            String id,
            String fingerprint,
            @Nullable Plan plan,
            Map<Integer, List<PlannedSection>> outlines,
            Map<String, String> sections,
            Map<Integer, String> summaries,
            List<Book.BibleEntry> bible,
            @Nullable List<SourceText> sources,
            BlogMetadata.@Nullable Usage usage) {}

    /** @param usage everything spent on this draft so far, earlier runs included */
    synchronized JsonNode toJson(BlogMetadata.Usage usage) {
        return JSON.valueToTree(new Saved(
                id,
                fingerprint,
                plan,
                new TreeMap<>(outlines),
                new TreeMap<>(sections),
                new TreeMap<>(summaries),
                new ArrayList<>(bible),
                sources,
                usage));
    }

    static BookDraft fromJson(JsonNode json) {
        Saved saved = JSON.treeToValue(json, Saved.class);
        BookDraft draft = new BookDraft(saved.id(), saved.fingerprint());
        draft.plan = saved.plan();
        draft.outlines.putAll(saved.outlines());
        draft.sections.putAll(saved.sections());
        draft.summaries.putAll(saved.summaries());
        draft.bible.addAll(saved.bible());
        draft.sources = saved.sources();
        draft.earlierUsage = saved.usage();
        return draft;
    }
}
