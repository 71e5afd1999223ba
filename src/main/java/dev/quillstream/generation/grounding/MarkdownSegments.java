package dev.quillstream.generation.grounding;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Markdown cut into prose and code (fenced blocks and inline spans), so citation and URL rules
 * apply to prose and leave code alone ({@code arr[1]} is not a citation).
 */
final class MarkdownSegments {

    private static final Pattern CODE =
            Pattern.compile("(?s)(^|\\n)(```|~~~)[^\\n]*\\n.*?(\\n\\2[ \\t]*(?=\\n|$)|$)|`[^`\\n]+`");

    private MarkdownSegments() {}

    record Segment(String text, boolean code) {}

    static List<Segment> of(String markdown) {
        List<Segment> segments = new ArrayList<>();
        Matcher matcher = CODE.matcher(markdown);
        int last = 0;
        while (matcher.find()) {
            if (matcher.start() > last) {
                segments.add(new Segment(markdown.substring(last, matcher.start()), false));
            }
            segments.add(new Segment(matcher.group(), true));
            last = matcher.end();
        }
        if (last < markdown.length()) {
            segments.add(new Segment(markdown.substring(last), false));
        }
        return segments;
    }

    /** Rewrites the prose, and the code with {@code code}, keeping the order. */
    static String map(String markdown, UnaryOperator<String> prose, UnaryOperator<String> code) {
        StringBuilder out = new StringBuilder();
        for (Segment segment : of(markdown)) {
            out.append(segment.code() ? code.apply(segment.text()) : prose.apply(segment.text()));
        }
        return out.toString();
    }
}
