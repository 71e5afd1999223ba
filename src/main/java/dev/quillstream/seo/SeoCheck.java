package dev.quillstream.seo;

/**
 * One check's verdict.
 *
 * @param id stable identifier, e.g. {@code title_length} or {@code keyword_density:hpa}
 * @param value what was measured
 * @param expected what passes
 * @param hint how to fix it (empty when passed)
 * @param weight its share of the score
 */
public record SeoCheck(String id, String name, boolean passed, String value, String expected, String hint, int weight) {

    static SeoCheck of(String id, String name, boolean passed, String value, String expected, String hint, int weight) {
        return new SeoCheck(id, name, passed, value, expected, passed ? "" : hint, weight);
    }
}
