package dev.quillstream.publishing;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What a publisher did.
 *
 * @param action {@code created}, {@code updated}, or {@code existing} (Medium: nothing was changed, the post
 *     made earlier is returned)
 * @param status the target's status of the post ({@code draft}, {@code publish}, {@code public}...), when known
 * @param message a sentence for the user when the action needs one (why nothing was updated)
 * @param warnings adjustments made to fit the target (tags dropped past Medium's five...)
 */
public record PublishOutcome(
        String destination,
        String externalId,
        @Nullable String url,
        @Nullable String revision,
        String action,
        @Nullable String status,
        @Nullable String message,
        List<String> warnings) {

    public PublishOutcome {
        warnings = List.copyOf(warnings);
    }
}
