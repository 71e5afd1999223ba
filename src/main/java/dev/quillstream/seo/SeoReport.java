package dev.quillstream.seo;

import java.util.List;

/** The analyzer's verdict: a 0–100 score, every check with its result and fix hint, and readability. */
public record SeoReport(int score, boolean passed, List<SeoCheck> checks, Readability readability) {

    public SeoReport {
        checks = List.copyOf(checks);
    }

    public List<SeoCheck> failed() {
        return checks.stream().filter(c -> !c.passed()).toList();
    }

    static SeoReport of(List<SeoCheck> checks, Readability readability) {
        int total = checks.stream().mapToInt(SeoCheck::weight).sum();
        int earned = checks.stream()
                .filter(SeoCheck::passed)
                .mapToInt(SeoCheck::weight)
                .sum();
        int score = total == 0 ? 100 : Math.round(100f * earned / total);
        return new SeoReport(score, checks.stream().allMatch(SeoCheck::passed), checks, readability);
    }
}
