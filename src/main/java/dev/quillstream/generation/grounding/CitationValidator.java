package dev.quillstream.generation.grounding;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes every citation marker in a text point at a real source. Markers are {@code [n]}, n being
 * a source's number. Variants models write are repaired into that form ({@code [1, 3]}, {@code
 * [2-4]}, {@code [^2]}, {@code 【3†source】}, {@code [source 2]}, {@code [2](https://...)}); a
 * marker whose number names no source is removed, as is a repeated marker. Code is never touched.
 */
public final class CitationValidator {

    /** The longest range ({@code [2-6]}) expanded; a longer one is not a citation anyone meant. */
    private static final int MAX_RANGE = 6;

    private static final Pattern FOOTNOTE = Pattern.compile("\\[\\^(\\d{1,3})]");
    private static final Pattern LENTICULAR = Pattern.compile("【(\\d{1,3})(?:[†:][^】]*)?】");
    private static final Pattern WORDED = Pattern.compile(
            "\\[(?:sources?|refs?|references?|citations?|cite)\\s*:?\\s*#?(\\d{1,3})]", Pattern.CASE_INSENSITIVE);
    private static final Pattern LINKED = Pattern.compile("\\[(\\d{1,3})]\\([^)\\s]*(?:\\s+\"[^\"]*\")?\\)");
    private static final Pattern LIST = Pattern.compile("\\[(\\d{1,3}(?:\\s*[,;–—-]\\s*\\d{1,3})+)]");
    /** {@code [n]} not glued to a word (so {@code items[2]} is left alone) and not a link's text. */
    static final Pattern MARKER = Pattern.compile("(?<![\\w\\\\])\\[(\\d{1,3})](?![(:])");
    /** A marker with the spaces before it, which go with it when it is removed. */
    private static final Pattern SPACED_MARKER = Pattern.compile("([ \\t]*)" + MARKER.pattern());

    private static final Pattern REPEATED = Pattern.compile("\\[(\\d{1,3})](\\s*\\[\\1])+");

    private CitationValidator() {}

    /**
     * @param text the text after repair and removal
     * @param cited the source numbers cited, in order of first appearance
     * @param removed markers removed because they named no source
     * @param repaired markers rewritten into {@code [n]}
     */
    public record Result(String text, List<Integer> cited, int removed, int repaired) {}

    /** Keeps markers of sources {@code 1..sourceCount}, repairs variants, removes the rest. */
    public static Result validate(String text, int sourceCount) {
        int[] removed = {0};
        int[] repaired = {0};
        String result = MarkdownSegments.map(
                text,
                prose -> {
                    String repairedProse = repair(prose, repaired);
                    Matcher matcher = SPACED_MARKER.matcher(repairedProse);
                    StringBuilder out = new StringBuilder();
                    while (matcher.find()) {
                        int number = Integer.parseInt(matcher.group(2));
                        if (number >= 1 && number <= sourceCount) {
                            matcher.appendReplacement(out, Matcher.quoteReplacement(matcher.group()));
                        } else {
                            removed[0]++;
                            matcher.appendReplacement(out, "");
                        }
                    }
                    matcher.appendTail(out);
                    return REPEATED.matcher(out.toString()).replaceAll("[$1]");
                },
                code -> code);
        return new Result(result, cited(result), removed[0], repaired[0]);
    }

    /** The numbers cited in a text, in order of first appearance, each once. */
    public static List<Integer> cited(String text) {
        Set<Integer> numbers = new LinkedHashSet<>();
        for (MarkdownSegments.Segment segment : MarkdownSegments.of(text)) {
            if (!segment.code()) {
                Matcher matcher = MARKER.matcher(segment.text());
                while (matcher.find()) {
                    numbers.add(Integer.parseInt(matcher.group(1)));
                }
            }
        }
        return new ArrayList<>(numbers);
    }

    /** Rewrites every marker through {@code numbers} (old → new); markers not in it are removed. */
    public static String renumber(String text, Map<Integer, Integer> numbers) {
        return MarkdownSegments.map(
                text,
                prose -> {
                    Matcher matcher = SPACED_MARKER.matcher(prose);
                    StringBuilder out = new StringBuilder();
                    while (matcher.find()) {
                        Integer renumbered = numbers.get(Integer.parseInt(matcher.group(2)));
                        matcher.appendReplacement(
                                out,
                                renumbered == null
                                        ? ""
                                        : Matcher.quoteReplacement(matcher.group(1) + "[" + renumbered + "]"));
                    }
                    matcher.appendTail(out);
                    return REPEATED.matcher(out.toString()).replaceAll("[$1]");
                },
                code -> code);
    }

    /** A text with no markers at all (titles, descriptions, tags). */
    public static String stripAll(String text) {
        return validate(text, 0).text().strip();
    }

    private static String repair(String prose, int[] repaired) {
        String text = replace(prose, LINKED, m -> "[" + m.group(1) + "]", repaired);
        text = replace(text, FOOTNOTE, m -> "[" + m.group(1) + "]", repaired);
        text = replace(text, LENTICULAR, m -> "[" + m.group(1) + "]", repaired);
        text = replace(text, WORDED, m -> "[" + m.group(1) + "]", repaired);
        return replace(text, LIST, m -> expand(m.group(1)), repaired);
    }

    /** {@code 1, 3-5} → {@code [1][3][4][5]}. */
    private static String expand(String list) {
        StringBuilder out = new StringBuilder();
        for (String item : list.split("\\s*[,;]\\s*")) {
            String[] bounds = item.split("\\s*[–—-]\\s*");
            int from = Integer.parseInt(bounds[0].strip());
            int to = bounds.length > 1 ? Integer.parseInt(bounds[1].strip()) : from;
            if (to < from || to - from >= MAX_RANGE) {
                to = from;
            }
            for (int n = from; n <= to; n++) {
                out.append('[').append(n).append(']');
            }
        }
        return out.toString();
    }

    private static String replace(
            String text, Pattern pattern, java.util.function.Function<Matcher, String> replacement, int[] count) {
        Matcher matcher = pattern.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            count[0]++;
            matcher.appendReplacement(out, Matcher.quoteReplacement(replacement.apply(matcher)));
        }
        matcher.appendTail(out);
        return out.toString();
    }
}
