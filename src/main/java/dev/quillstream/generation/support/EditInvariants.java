package dev.quillstream.generation.support;

import dev.quillstream.seo.Keywords;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What an editorial rewrite must keep: every citation marker, every keyword use, the headings, roughly the length. */
public final class EditInvariants {

    private static final Pattern CITATION = Pattern.compile("\\[(\\d+)]");
    private static final Pattern HEADING = Pattern.compile("(?m)^#{1,6}\\s");

    private EditInvariants() {}

    public static List<String> problems(String original, String rewrite, List<String> keywords) {
        List<String> problems = new ArrayList<>();
        if (rewrite.isBlank()) {
            problems.add("the rewrite is empty");
            return problems;
        }
        List<String> before = citations(original);
        List<String> after = citations(rewrite);
        if (!before.equals(after)) {
            problems.add("keep the citation markers " + before + " exactly (found " + after + ")");
        }
        for (String keyword : keywords) {
            int was = Keywords.occurrences(original, keyword);
            int now = Keywords.occurrences(rewrite, keyword);
            if (now < was) {
                problems.add("keep \"" + keyword + "\" " + was + " times (found " + now + ")");
            }
        }
        if (count(HEADING, original) != count(HEADING, rewrite)) {
            problems.add("do not add or remove headings");
        }
        int wordsBefore = original.split("\\s+").length;
        int wordsAfter = rewrite.split("\\s+").length;
        if (wordsAfter < wordsBefore * 0.6 || wordsAfter > wordsBefore * 1.6) {
            problems.add("keep about the same length (" + wordsBefore + " words, found " + wordsAfter + ")");
        }
        return problems;
    }

    private static List<String> citations(String text) {
        List<String> markers = new ArrayList<>();
        Matcher matcher = CITATION.matcher(text);
        while (matcher.find()) {
            markers.add(matcher.group(1));
        }
        markers.sort(null);
        return markers;
    }

    private static int count(Pattern pattern, String text) {
        return (int) pattern.matcher(text).results().count();
    }
}
