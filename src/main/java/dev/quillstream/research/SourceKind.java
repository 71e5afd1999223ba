package dev.quillstream.research;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/** The research sources a request can name. {@code metaphor} is Exa's former name and is accepted for it. */
public enum SourceKind {
    SERP("serp", "SerpApi (Google)"),
    TAVILY("tavily", "Tavily"),
    EXA("exa", "Exa"),
    LOCAL("local", "your library");

    private final String id;
    private final String displayName;

    SourceKind(String id, String displayName) {
        this.id = id;
        this.displayName = displayName;
    }

    @JsonValue
    public String id() {
        return id;
    }

    /** How a reference names the source, e.g. {@code Tavily}. */
    public String displayName() {
        return displayName;
    }

    /** Whether results of this source are pages on the web (and may be fetched). */
    public boolean web() {
        return this != LOCAL;
    }

    @JsonCreator
    public static SourceKind of(@Nullable String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("source must not be blank; known sources: " + known());
        }
        String wanted = name.strip().toLowerCase(Locale.ROOT);
        if (wanted.equals("metaphor")) {
            return EXA;
        }
        return Arrays.stream(values())
                .filter(kind -> kind.id.equals(wanted))
                .findFirst()
                .orElseThrow(
                        () -> new IllegalArgumentException("unknown source '" + name + "'; known sources: " + known()));
    }

    public static String known() {
        return Arrays.stream(values()).map(SourceKind::id).collect(Collectors.joining(", ")) + " (metaphor = exa)";
    }
}
