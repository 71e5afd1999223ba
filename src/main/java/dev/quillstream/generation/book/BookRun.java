package dev.quillstream.generation.book;

import dev.quillstream.content.BlogMetadata;
import dev.quillstream.generation.BookCheckpoints;
import dev.quillstream.generation.BookRequest;
import dev.quillstream.generation.GenerationListener;
import dev.quillstream.generation.UsageSum;
import dev.quillstream.generation.support.ModelHints;
import dev.quillstream.generation.support.RunModel;
import dev.quillstream.llm.TextModel;
import dev.quillstream.llm.UsageMeter;
import dev.quillstream.research.Research;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One execution of the book pipeline (or of one regeneration): the request, the metered model that
 * stops at cancellation, the listener, the checkpoints and the draft they save.
 */
final class BookRun {

    final BookRequest request;
    final UsageMeter meter = new UsageMeter();
    final TextModel model;
    final GenerationListener listener;
    final BookCheckpoints checkpoints;
    final int parallelism;
    final BookDraft draft;
    final Map<String, Long> timingsMs = new LinkedHashMap<>();
    /** The editorial passes' tallies, by pass, in the order they first ran. */
    final Map<String, SectionEditing.Tally> editing = java.util.Collections.synchronizedMap(new LinkedHashMap<>());

    final @Nullable Research research;
    final @Nullable UUID owner;

    BookRun(
            BookRequest request,
            TextModel model,
            GenerationListener listener,
            BookCheckpoints checkpoints,
            int parallelism,
            @Nullable Research research,
            @Nullable UUID owner,
            BookDraft draft) {
        this.request = request;
        this.model = new RunModel(model, meter, null, true, checkpoints::beforeModelCall);
        this.listener = listener;
        this.checkpoints = checkpoints;
        this.parallelism = parallelism;
        this.research = research;
        this.owner = owner;
        this.draft = draft;
    }

    /** Everything spent on the book, by this run and the runs it resumed from. */
    BlogMetadata.Usage usage() {
        BlogMetadata.Usage now = UsageSum.of(meter.snapshot());
        BlogMetadata.Usage earlier = draft.earlierUsage;
        return earlier == null ? now : UsageSum.plus(earlier, now);
    }

    /** Hints every request of this run carries, for the offline model; {@code subject} and {@code kind} vary. */
    Map<String, String> hints(String kind, String subject, int words) {
        return ModelHints.of(request.title(), request.keywords(), kind, subject, words);
    }

    /** Variables every prompt of this run may use. */
    Map<String, String> promptVariables() {
        Map<String, String> variables = new LinkedHashMap<>();
        variables.put("title", request.title());
        variables.put("book_kind", request.kind().description());
        variables.put("kind_guidance", request.kind().guidance());
        variables.put(
                "keywords", request.keywords().isEmpty() ? "(none given)" : String.join(", ", request.keywords()));
        variables.put("tone", request.tone().id());
        variables.put("tone_guidance", request.tone().guidance());
        variables.put("language", request.language());
        return variables;
    }

    /**
     * Keeps the draft as it is now; called after every unit of finished work, from the threads
     * writing one chapter's sections, one save at a time so the last save holds every finished section.
     */
    synchronized void checkpoint(String step) {
        checkpoints.save(step, draft.percentDone(request), draft.toJson(usage()));
    }
}
