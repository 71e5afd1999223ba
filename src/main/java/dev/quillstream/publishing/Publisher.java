package dev.quillstream.publishing;

import dev.quillstream.export.ExportDocument;
import org.jspecify.annotations.Nullable;

/** Publishes a document to one kind of target, in that target's wire format. */
public interface Publisher {

    PublishTarget target();

    /** Where the command publishes to: a repeat to the same destination updates instead of creating. */
    String destination(ExportDocument document, PublishCommand command);

    /**
     * @param prior what an earlier call created at the same destination, to update instead of duplicate
     * @throws PublishFailed with a kind saying what the caller can do about it
     */
    PublishOutcome publish(ExportDocument document, PublishCommand command, @Nullable PriorPublication prior);
}
