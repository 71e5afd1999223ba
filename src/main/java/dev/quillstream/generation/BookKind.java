package dev.quillstream.generation;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/** What sort of book is written; each kind carries the guidance its prompts use. */
public enum BookKind {
    GUIDE(
            "a non-fiction guide",
            "Teach: each section explains one idea with concrete examples and ends with what the reader can now do."),
    NOVEL(
            "a novel",
            "Tell a story: scenes with characters, dialogue and setting; keep names, places and events consistent"
                    + " with the story bible; each section moves the plot forward."),
    TEXTBOOK(
            "a textbook",
            "Instruct systematically: define terms before using them, build on earlier chapters, include worked"
                    + " examples and a short recap.");

    private final String description;
    private final String guidance;

    BookKind(String description, String guidance) {
        this.description = description;
        this.guidance = guidance;
    }

    public String description() {
        return description;
    }

    public String guidance() {
        return guidance;
    }

    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a kind, case-insensitively; unknown names fail with the list of known ones. */
    @JsonCreator
    public static BookKind of(@Nullable String name) {
        if (name == null || name.isBlank()) {
            return GUIDE;
        }
        return Arrays.stream(values())
                .filter(kind -> kind.id().equals(name.strip().toLowerCase(Locale.ROOT)))
                .findFirst()
                .orElseThrow(
                        () -> new IllegalArgumentException("unknown kind '" + name + "'; known kinds: " + known()));
    }

    public static String known() {
        return Arrays.stream(values()).map(BookKind::id).collect(Collectors.joining(", "));
    }
}
