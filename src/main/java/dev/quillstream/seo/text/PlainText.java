package dev.quillstream.seo.text;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Markdown reduced to the words a reader (and a search engine) reads. */
public final class PlainText {

    private static final Pattern CODE_BLOCK = Pattern.compile("(?s)```.*?```");
    private static final Pattern INLINE_CODE = Pattern.compile("`[^`]*`");
    private static final Pattern LINK = Pattern.compile("!?\\[([^\\]]*)]\\([^)]*\\)");
    private static final Pattern CITATION = Pattern.compile("\\[\\d+(?:\\s*,\\s*\\d+)*]");
    private static final Pattern MARKUP =
            Pattern.compile("(?m)^\\s{0,3}(?:#{1,6}\\s+|>\\s?|[-*+]\\s+|\\d+[.)]\\s+)|[*_~]{1,3}|<[^>]+>");

    private PlainText() {}

    public static String of(String markdown) {
        String text = CODE_BLOCK.matcher(markdown).replaceAll(" ");
        text = INLINE_CODE.matcher(text).replaceAll(" ");
        text = LINK.matcher(text).replaceAll("$1");
        text = CITATION.matcher(text).replaceAll("");
        return MARKUP.matcher(text).replaceAll("");
    }

    /** Paragraphs: runs of text separated by blank lines (code blocks and headings excluded). */
    public static List<String> paragraphs(String markdown) {
        List<String> paragraphs = new ArrayList<>();
        for (String block : CODE_BLOCK.matcher(markdown).replaceAll("\n\n").split("\\n\\s*\\n")) {
            String plain = of(block).strip();
            if (!plain.isEmpty() && !block.strip().startsWith("#")) {
                paragraphs.add(plain);
            }
        }
        return paragraphs;
    }
}
