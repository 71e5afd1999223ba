package dev.quillstream.research;

import java.util.ArrayList;
import java.util.List;

/**
 * A short run of a source's text (about a paragraph), the unit that is ranked and quoted in a
 * prompt, so a prompt carries what is relevant to its part and not a whole page.
 *
 * @param source the caller's number for the source the passage comes from
 */
public record Passage(int source, String text) {

    static final int TARGET_WORDS = 120;
    static final int MAX_WORDS = 200;

    /** Splits text at paragraph boundaries into passages of about {@value #TARGET_WORDS} words (never more than {@value #MAX_WORDS}). */
    public static List<Passage> split(int source, String text) {
        List<Passage> passages = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int words = 0;
        for (String paragraph : text.split("\\n\\s*\\n")) {
            for (String piece : pieces(paragraph.strip())) {
                int pieceWords = count(piece);
                if (words > 0 && words + pieceWords > MAX_WORDS) {
                    passages.add(new Passage(source, current.toString()));
                    current.setLength(0);
                    words = 0;
                }
                if (!current.isEmpty()) {
                    current.append("\n\n");
                }
                current.append(piece);
                words += pieceWords;
                if (words >= TARGET_WORDS) {
                    passages.add(new Passage(source, current.toString()));
                    current.setLength(0);
                    words = 0;
                }
            }
        }
        if (!current.toString().isBlank()) {
            passages.add(new Passage(source, current.toString()));
        }
        return passages;
    }

    /** A paragraph longer than a passage is cut at sentence ends. */
    private static List<String> pieces(String paragraph) {
        if (paragraph.isEmpty()) {
            return List.of();
        }
        if (count(paragraph) <= MAX_WORDS) {
            return List.of(paragraph);
        }
        List<String> pieces = new ArrayList<>();
        StringBuilder piece = new StringBuilder();
        for (String sentence : paragraph.split("(?<=[.!?])\\s+")) {
            if (!piece.isEmpty() && count(piece.toString()) + count(sentence) > TARGET_WORDS) {
                pieces.add(piece.toString());
                piece.setLength(0);
            }
            String[] words = sentence.split("\\s+");
            for (int i = 0; i < words.length; i += MAX_WORDS) {
                if (!piece.isEmpty()) {
                    piece.append(' ');
                }
                piece.append(String.join(
                        " ", java.util.Arrays.copyOfRange(words, i, Math.min(words.length, i + MAX_WORDS))));
                if (i + MAX_WORDS < words.length) {
                    pieces.add(piece.toString());
                    piece.setLength(0);
                }
            }
        }
        if (!piece.isEmpty()) {
            pieces.add(piece.toString());
        }
        return pieces;
    }

    static int count(String text) {
        String stripped = text.strip();
        return stripped.isEmpty() ? 0 : stripped.split("\\s+").length;
    }
}
