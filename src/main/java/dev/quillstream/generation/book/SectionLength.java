package dev.quillstream.generation.book;

/** A section's length in words, and whether it is within {@value #TOLERANCE} of its target. */
final class SectionLength {

    /** The accepted deviation from a section's target length, as a fraction. */
    static final double TOLERANCE = 0.15;

    private SectionLength() {}

    static int words(String text) {
        String stripped = text.strip();
        return stripped.isEmpty() ? 0 : stripped.split("\\s+").length;
    }

    static int minimum(int target) {
        return (int) Math.ceil(target * (1 - TOLERANCE));
    }

    static int maximum(int target) {
        return (int) Math.floor(target * (1 + TOLERANCE));
    }

    static boolean fits(String text, int target) {
        int words = words(text);
        return words >= minimum(target) && words <= maximum(target);
    }
}
