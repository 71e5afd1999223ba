package dev.quillstream.generation.grounding;

import dev.quillstream.content.BlogMetadata;
import dev.quillstream.content.BlogPost;
import dev.quillstream.research.SourceKind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Turns an assembled post into a cited one: every {@code [n]} validated against the sources (and
 * repaired or removed), every URL that is not a source's removed, markers renumbered 1, 2, 3... in
 * order of first citation, a References section appended (number, title, URL, where it was
 * found), and {@code metadata.sources} listing every source with the sections citing it. The
 * post's titles, description and tags carry neither markers nor foreign URLs.
 */
public final class CitedPost {

    public static final String REFERENCES = "References";

    private CitedPost() {}

    public static BlogPost of(BlogPost post, List<NumberedSource> sources) {
        UrlGuard urls = new UrlGuard(sources.stream().map(NumberedSource::url).collect(Collectors.toSet()));
        int count = sources.size();
        List<BlogPost.Section> checked = new ArrayList<>();
        for (BlogPost.Section section : post.sections()) {
            List<BlogPost.Subtopic> subtopics = new ArrayList<>();
            for (BlogPost.Subtopic subtopic : section.subtopics()) {
                subtopics.add(new BlogPost.Subtopic(
                        plain(subtopic.title(), urls),
                        urls.strip(CitationValidator.validate(subtopic.content(), count)
                                        .text())
                                .strip()));
            }
            checked.add(new BlogPost.Section(plain(section.title(), urls), subtopics));
        }
        Map<Integer, Integer> renumbered = new LinkedHashMap<>();
        Map<Integer, Set<String>> citingSections = new LinkedHashMap<>();
        for (BlogPost.Section section : checked) {
            for (BlogPost.Subtopic subtopic : section.subtopics()) {
                for (int number : CitationValidator.cited(subtopic.content())) {
                    renumbered.putIfAbsent(number, renumbered.size() + 1);
                    citingSections
                            .computeIfAbsent(number, n -> new LinkedHashSet<>())
                            .add(section.title());
                }
            }
        }
        List<BlogPost.Section> sections = new ArrayList<>();
        for (BlogPost.Section section : checked) {
            sections.add(new BlogPost.Section(
                    section.title(),
                    section.subtopics().stream()
                            .map(s -> new BlogPost.Subtopic(
                                    s.title(), CitationValidator.renumber(s.content(), renumbered)))
                            .toList()));
        }
        if (!renumbered.isEmpty()) {
            sections.add(new BlogPost.Section(
                    REFERENCES, List.of(new BlogPost.Subtopic("", references(sources, renumbered)))));
        }
        return new BlogPost(
                post.id(),
                plain(post.title(), urls),
                plain(post.description(), urls),
                post.date(),
                post.image(),
                post.tags().stream()
                        .map(t -> plain(t, urls))
                        .filter(t -> !t.isBlank())
                        .toList(),
                sections,
                post.metadata().withSources(metadataSources(sources, renumbered, citingSections)));
    }

    /** Whether the post ends with the references section this class appends. */
    public static boolean hasReferences(BlogPost post) {
        return !post.sections().isEmpty() && post.sections().getLast().title().equals(REFERENCES);
    }

    private static String references(List<NumberedSource> sources, Map<Integer, Integer> renumbered) {
        List<String> lines = new ArrayList<>();
        renumbered.forEach((original, number) -> {
            NumberedSource source = sources.get(original - 1);
            lines.add("[" + number + "] " + source.title() + " — <" + source.url() + "> — "
                    + source.foundBy().stream().map(SourceKind::displayName).collect(Collectors.joining(", ")));
        });
        return String.join("\n\n", lines);
    }

    private static List<BlogMetadata.Source> metadataSources(
            List<NumberedSource> sources, Map<Integer, Integer> renumbered, Map<Integer, Set<String>> citing) {
        List<BlogMetadata.Source> listed = new ArrayList<>();
        renumbered.forEach((original, number) -> listed.add(source(sources.get(original - 1), number, citing)));
        sources.stream()
                .filter(s -> !renumbered.containsKey(s.number()))
                .forEach(s -> listed.add(source(s, null, citing)));
        return listed;
    }

    private static BlogMetadata.Source source(
            NumberedSource source, @Nullable Integer number, Map<Integer, Set<String>> citing) {
        return new BlogMetadata.Source(
                number,
                source.title(),
                source.url(),
                source.foundBy().stream().map(SourceKind::id).toList(),
                List.copyOf(citing.getOrDefault(source.number(), Set.of())));
    }

    private static String plain(String text, UrlGuard urls) {
        return urls.strip(CitationValidator.stripAll(text)).strip();
    }
}
