package dev.quillstream.research;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Okapi BM25 over a set of passages, in memory: which passages answer a part of a post. A research
 * corpus is at most about a thousand passages (12 sources of at most 80), so every passage is
 * scored per query — milliseconds, next to seconds for the model call (docs/benchmarks.md).
 */
public final class PassageIndex {

    private static final double K1 = 1.2;
    private static final double B = 0.75;
    private static final Set<String> STOPWORDS = Set.of(
            "a", "an", "and", "are", "as", "at", "be", "but", "by", "can", "do", "does", "for", "from", "has", "have",
            "how", "i", "if", "in", "into", "is", "it", "its", "not", "of", "on", "or", "our", "so", "than", "that",
            "the", "their", "them", "then", "there", "these", "they", "this", "to", "was", "we", "were", "what", "when",
            "where", "which", "while", "who", "why", "will", "with", "you", "your");

    private static final List<String> SUFFIXES =
            List.of("ations", "ation", "ings", "ing", "ies", "es", "ed", "ly", "s", "e");
    private static final java.util.regex.Pattern NON_WORD = java.util.regex.Pattern.compile("[^\\p{L}\\p{N}]+");

    /** A passage and how well it matched. */
    public record Match(Passage passage, double score) {}

    private final List<Passage> passages;
    private final List<Map<String, Integer>> frequencies = new ArrayList<>();
    private final int[] lengths;
    private final Map<String, Integer> documentFrequency = new HashMap<>();
    private final double averageLength;

    public PassageIndex(List<Passage> passages) {
        this.passages = List.copyOf(passages);
        this.lengths = new int[this.passages.size()];
        long total = 0;
        for (int i = 0; i < this.passages.size(); i++) {
            Map<String, Integer> terms = new HashMap<>();
            List<String> tokens = terms(this.passages.get(i).text());
            tokens.forEach(t -> terms.merge(t, 1, Integer::sum));
            terms.keySet().forEach(t -> documentFrequency.merge(t, 1, Integer::sum));
            frequencies.add(terms);
            lengths[i] = tokens.size();
            total += tokens.size();
        }
        this.averageLength = this.passages.isEmpty() ? 1 : Math.max(1, (double) total / this.passages.size());
    }

    public int size() {
        return passages.size();
    }

    /**
     * The best {@code limit} passages for the query that share at least one term with it, at most
     * {@code perSource} from any one source (so one long page cannot crowd out the others).
     */
    public List<Match> search(String query, int limit, int perSource) {
        Set<String> queryTerms = new HashSet<>(terms(query));
        List<Match> scored = new ArrayList<>();
        for (int i = 0; i < passages.size(); i++) {
            double score = score(queryTerms, i);
            if (score > 0) {
                scored.add(new Match(passages.get(i), score));
            }
        }
        scored.sort(Comparator.comparingDouble(Match::score).reversed());
        Map<Integer, Integer> taken = new HashMap<>();
        List<Match> chosen = new ArrayList<>();
        for (Match match : scored) {
            if (chosen.size() == limit) {
                break;
            }
            if (taken.merge(match.passage().source(), 1, Integer::sum) <= perSource) {
                chosen.add(match);
            }
        }
        return chosen;
    }

    private double score(Set<String> queryTerms, int index) {
        Map<String, Integer> terms = frequencies.get(index);
        int length = lengths[index];
        double score = 0;
        for (String term : queryTerms) {
            Integer frequency = terms.get(term);
            if (frequency == null) {
                continue;
            }
            int containing = documentFrequency.get(term);
            double idf = Math.log(1 + (passages.size() - containing + 0.5) / (containing + 0.5));
            score += idf * frequency * (K1 + 1) / (frequency + K1 * (1 - B + B * length / averageLength));
        }
        return score;
    }

    /** Lower-cased words without stopwords, with plural and common verb endings folded ("scales", "scaling" → "scal"). */
    static List<String> terms(String text) {
        List<String> terms = new ArrayList<>();
        for (String word : NON_WORD.split(text.toLowerCase(Locale.ROOT))) {
            if (word.length() < 2 || STOPWORDS.contains(word)) {
                continue;
            }
            terms.add(stem(word));
        }
        return terms;
    }

    private static String stem(String word) {
        if (word.length() <= 4) {
            return word;
        }
        for (String suffix : SUFFIXES) {
            if (word.endsWith(suffix) && word.length() - suffix.length() >= 3) {
                String stem = word.substring(0, word.length() - suffix.length());
                return suffix.equals("ies") ? stem + "y" : stem;
            }
        }
        return word;
    }
}
