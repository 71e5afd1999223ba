package dev.quillstream.generation.book;

import dev.quillstream.generation.GenerationFailed;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import java.util.function.Predicate;

/**
 * Brings a list a model returned to the exact length the book's structure demands: unusable items
 * dropped, extra ones cut (the first are the model's priorities), missing ones asked for on their own.
 */
final class ExactCount {

    private ExactCount() {}

    /**
     * @param more asks for the given number of further items, given what exists
     * @throws GenerationFailed when the list still has the wrong length
     */
    static <T> List<T> of(List<T> items, int count, Predicate<T> usable, IntFunction<List<T>> more, String what) {
        List<T> kept =
                new ArrayList<>(items.stream().filter(usable).limit(count).toList());
        if (kept.size() < count) {
            more.apply(count - kept.size()).stream()
                    .filter(usable)
                    .limit(count - kept.size())
                    .forEach(kept::add);
        }
        if (kept.size() != count) {
            throw new GenerationFailed(
                    "the model could not plan exactly " + count + " " + what + " (got " + kept.size() + ")");
        }
        return List.copyOf(kept);
    }

    static boolean titled(String title) {
        return title != null && !title.isBlank();
    }
}
