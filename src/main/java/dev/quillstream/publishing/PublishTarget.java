package dev.quillstream.publishing;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** Where a document can be published. */
public enum PublishTarget {
    WORDPRESS,
    MEDIUM,
    GITHUB;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<PublishTarget> parse(String text) {
        String wanted = text.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(t -> t.id().equals(wanted)).findFirst();
    }

    public static String known() {
        return Arrays.stream(values()).map(PublishTarget::id).collect(Collectors.joining(", "));
    }
}
