package dev.quillstream.seo.text;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * English stems (Lucene's Porter stemmer), so that "scaler", "scaling" and "scales" count as one
 * keyword with its inflections, as search engines count them.
 */
public final class Stems {

    private static final Analyzer ENGLISH = new EnglishAnalyzer(CharArraySet.EMPTY_SET);

    private Stems() {}

    public static List<String> of(String text) {
        List<String> stems = new ArrayList<>();
        try (TokenStream tokens = ENGLISH.tokenStream("text", text)) {
            CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
            tokens.reset();
            while (tokens.incrementToken()) {
                stems.add(term.toString());
            }
            tokens.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return stems;
    }

    /** How often the stem sequence of {@code phrase} occurs in {@code textStems}. */
    public static int occurrences(List<String> textStems, String phrase) {
        List<String> needle = of(phrase);
        if (needle.isEmpty()) {
            return 0;
        }
        int count = 0;
        for (int i = 0; i + needle.size() <= textStems.size(); i++) {
            if (textStems.subList(i, i + needle.size()).equals(needle)) {
                count++;
                i += needle.size() - 1;
            }
        }
        return count;
    }

    public static boolean contains(String text, String phrase) {
        return occurrences(of(text), phrase) > 0;
    }

    /** Where the phrase first starts, counted in words of the text, or -1. */
    public static int firstWordIndex(String text, String phrase) {
        List<String> stems = of(text);
        List<String> needle = of(phrase);
        for (int i = 0; !needle.isEmpty() && i + needle.size() <= stems.size(); i++) {
            if (stems.subList(i, i + needle.size()).equals(needle)) {
                return i;
            }
        }
        return -1;
    }
}
