package dev.quillstream.generation.book;

import dev.quillstream.content.BlogMetadata;
import dev.quillstream.content.Book;
import dev.quillstream.generation.grounding.CitationValidator;
import dev.quillstream.generation.grounding.NumberedSource;
import dev.quillstream.research.SourceKind;
import dev.quillstream.research.Urls;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One bibliography for the whole book: sources numbered 1, 2, 3... by first citation in reading
 * order, each page once — sources that are the same page (same normalised URL) share the first one's
 * number — with the chapters citing each. Uncited sources are kept in the metadata, unnumbered.
 *
 * @param numbers the source numbers the sections were written with → the bibliography's numbers
 */
record Bibliography(Map<Integer, Integer> numbers, List<Book.Reference> references, List<BlogMetadata.Source> sources) {

    /** @param chapters each chapter's section texts, in reading order, with the sources' original numbers */
    static Bibliography of(List<NumberedSource> sources, List<List<String>> chapters) {
        Map<String, Integer> firstByPage = new HashMap<>();
        Map<Integer, Integer> canonical = new HashMap<>();
        for (NumberedSource source : sources) {
            canonical.put(source.number(), firstByPage.computeIfAbsent(Urls.key(source.url()), k -> source.number()));
        }
        Map<Integer, Integer> numbered = new LinkedHashMap<>();
        Map<Integer, Integer> numbers = new LinkedHashMap<>();
        Map<Integer, Set<Integer>> citingChapters = new HashMap<>();
        for (int c = 0; c < chapters.size(); c++) {
            for (String text : chapters.get(c)) {
                for (int cited : CitationValidator.cited(text)) {
                    Integer page = canonical.get(cited);
                    if (page == null) {
                        continue;
                    }
                    int number = numbered.computeIfAbsent(page, p -> numbered.size() + 1);
                    numbers.put(cited, number);
                    citingChapters
                            .computeIfAbsent(page, p -> new LinkedHashSet<>())
                            .add(c + 1);
                }
            }
        }
        Map<Integer, NumberedSource> byNumber = new HashMap<>();
        sources.forEach(s -> byNumber.put(s.number(), s));
        List<Book.Reference> references = new ArrayList<>();
        List<BlogMetadata.Source> listed = new ArrayList<>();
        numbered.forEach((page, number) -> {
            NumberedSource source = byNumber.get(page);
            List<Integer> citing = List.copyOf(citingChapters.get(page));
            references.add(new Book.Reference(number, source.title(), source.url(), ids(source), citing));
            listed.add(new BlogMetadata.Source(
                    number,
                    source.title(),
                    source.url(),
                    ids(source),
                    citing.stream().map(n -> "chapter " + n).toList()));
        });
        sources.stream()
                .filter(s -> canonical.get(s.number()) == s.number() && !numbered.containsKey(s.number()))
                .forEach(s -> listed.add(new BlogMetadata.Source(null, s.title(), s.url(), ids(s), List.of())));
        return new Bibliography(numbers, references, listed);
    }

    private static List<String> ids(NumberedSource source) {
        return source.foundBy().stream().map(SourceKind::id).toList();
    }
}
