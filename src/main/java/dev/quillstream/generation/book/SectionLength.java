package dev.quillstream.generation.book;

/** A section's length in words, and whether it is within {@value #TOLERANCE} of its target. */
final class SectionLength {

    private static final int PERCENT = 15;

    /** The accepted deviation from a section's target length, as a fraction. */
    static final double TOLERANCE = PERCENT / 100.0;

    private SectionLength() {}

    static int words(String text) {
        String stripped = text.strip();
        return stripped.isEmpty() ? 0 : stripped.split("\\s+").length;
    }

    /** In whole numbers, so 700 words allow exactly 595 to 805. */
    static int minimum(int target) {
        return Math.ceilDiv(target * (100 - PERCENT), 100);
    }

    static int maximum(int target) {
        return Math.floorDiv(target * (100 + PERCENT), 100);
    }

    static boolean fits(String text, int target) {
        int words = words(text);
        return words >= minimum(target) && words <= maximum(target);
    }
}
