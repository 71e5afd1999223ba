package dev.quillstream.generation.grounding;

import dev.quillstream.research.Passage;
import dev.quillstream.research.PassageIndex;
import dev.quillstream.research.SourceText;
import dev.quillstream.research.UntrustedText;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The research a post is grounded in: its numbered sources and their passages, indexed so that
 * each part of the post is given only the passages relevant to it. Every text is cleaned of
 * instruction-like content when the grounding is built, before any prompt sees it.
 */
public final class Grounding {

    /** Passages kept per source: enough for a long page's relevant parts, bounded for a book-length PDF. */
    static final int MAX_PASSAGES_PER_SOURCE = 80;

    private final List<NumberedSource> sources;
    private final PassageIndex index;

    private Grounding(List<NumberedSource> sources, List<Passage> passages) {
        this.sources = List.copyOf(sources);
        this.index = new PassageIndex(passages);
    }

    /** Numbers the texts 1..n in the order given (best first) and splits them into cleaned passages. */
    public static Grounding of(List<SourceText> texts) {
        List<NumberedSource> sources = new ArrayList<>();
        List<Passage> passages = new ArrayList<>();
        for (SourceText text : texts) {
            String cleaned = UntrustedText.clean(text.text());
            if (cleaned.isBlank()) {
                continue;
            }
            int number = sources.size() + 1;
            String title = UntrustedText.line(text.result().title(), 200)
                    .replace('[', '(')
                    .replace(']', ')');
            sources.add(new NumberedSource(
                    number,
                    title.isBlank() ? text.result().url() : title,
                    text.result().url(),
                    text.result().sources()));
            passages.addAll(Passage.split(number, cleaned).stream()
                    .limit(MAX_PASSAGES_PER_SOURCE)
                    .toList());
        }
        return new Grounding(sources, passages);
    }

    public List<NumberedSource> sources() {
        return sources;
    }

    public boolean isEmpty() {
        return sources.isEmpty();
    }

    /** The passages most relevant to a part of the post, at most two per source. */
    public List<Passage> relevantTo(String query, int limit) {
        return index.search(query, limit, 2).stream()
                .map(PassageIndex.Match::passage)
                .toList();
    }

    /**
     * What a part's prompt adds when it is grounded: {@code sources}, the passages most relevant to
     * {@code query} fenced as quoted data, and {@code citation_numbers}, the numbers they may cite.
     */
    public Map<String, String> promptVariables(String query, int limit) {
        List<Passage> passages = relevantTo(query, limit);
        return Map.of(
                "sources",
                fenced(passages),
                "citation_numbers",
                passages.isEmpty()
                        ? "(none for this part: write it without citations)"
                        : passages.stream()
                                .map(p -> "[" + p.source() + "]")
                                .distinct()
                                .collect(java.util.stream.Collectors.joining(" ")));
    }

    /**
     * The hints with the source numbers a part may cite ({@code citations}), for the offline model,
     * whose drafts then carry valid {@code [n]} markers.
     */
    public static Map<String, String> citationHints(Map<String, String> variables, Map<String, String> hints) {
        String numbers = variables.getOrDefault("citation_numbers", "");
        if (!numbers.startsWith("[")) {
            return hints;
        }
        Map<String, String> more = new LinkedHashMap<>(hints);
        more.put("citations", numbers.replaceAll("[\\[\\]]", "").replace(' ', ','));
        return more;
    }

    /**
     * The passages fenced as quoted data for a prompt, grouped by source:
     *
     * <pre>
     * &lt;sources&gt;
     * &lt;source n="2" title="..."&gt;
     * passage … passage
     * &lt;/source&gt;
     * &lt;/sources&gt;
     * </pre>
     *
     * The texts were cleaned of anything posing as these tags, so none can close the fence.
     */
    public String fenced(List<Passage> passages) {
        if (passages.isEmpty()) {
            return "<sources>\n(no source passage matches this part)\n</sources>";
        }
        Map<Integer, List<String>> bySource = new LinkedHashMap<>();
        passages.stream()
                .sorted(Comparator.comparingInt(Passage::source))
                .forEach(p -> bySource.computeIfAbsent(p.source(), n -> new ArrayList<>())
                        .add(p.text()));
        StringBuilder fenced = new StringBuilder("<sources>\n");
        bySource.forEach((number, texts) -> fenced.append("<source n=\"")
                .append(number)
                .append("\" title=\"")
                .append(sources.get(number - 1).title())
                .append("\">\n")
                .append(String.join("\n…\n", texts))
                .append("\n</source>\n"));
        return fenced.append("</sources>").toString();
    }
}
