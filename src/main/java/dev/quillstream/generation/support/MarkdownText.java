package dev.quillstream.generation.support;

import java.util.Locale;

/** Small clean-ups of model prose before it becomes part of a post. */
public final class MarkdownText {

    private MarkdownText() {}

    /** Models often repeat the heading they were asked to write under; the post adds its own. */
    public static String withoutLeadingHeading(String text, String heading) {
        String stripped = text.strip();
        int newline = stripped.indexOf('\n');
        String first = newline < 0 ? stripped : stripped.substring(0, newline);
        String bare = first.replaceFirst("^#{1,6}\\s*", "").replace("*", "").strip();
        if (first.startsWith("#")
                || bare.toLowerCase(Locale.ROOT).equals(heading.strip().toLowerCase(Locale.ROOT))) {
            return newline < 0 ? "" : stripped.substring(newline + 1).strip();
        }
        return stripped;
    }

    /** Shortens to at most {@code max} characters at a word boundary. */
    public static String shorten(String text, int max) {
        String flat = text.replaceAll("\\s+", " ").strip();
        if (flat.length() <= max) {
            return flat;
        }
        int cut = flat.lastIndexOf(' ', max - 1);
        String shortened = flat.substring(0, cut > max / 2 ? cut : max - 1).replaceAll("[\\s,;:.-]+$", "");
        return shortened + "…";
    }
}
