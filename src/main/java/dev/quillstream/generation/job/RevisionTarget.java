package dev.quillstream.generation.job;

import dev.quillstream.content.BlogPost;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The part of a post an instruction names: the introduction, the conclusion, the FAQ, or the body
 * section (or subtopic) whose title shares the most words with it. A revision rewrites that part
 * only — a targeted rewrite, never a whole new post.
 */
record RevisionTarget(int section, List<Integer> subtopics, String name) {

    private static final Set<String> STOP = Set.of(
            "the", "a", "an", "and", "or", "of", "to", "in", "on", "for", "with", "make", "please", "more", "less",
            "section", "part", "shorter", "longer", "rewrite", "it", "is", "be", "this", "that", "about", "your");

    static Optional<RevisionTarget> find(BlogPost post, String instruction) {
        String text = instruction.toLowerCase(Locale.ROOT);
        List<BlogPost.Section> sections = post.sections();
        for (int i = 0; i < sections.size(); i++) {
            String title = sections.get(i).title().toLowerCase(Locale.ROOT);
            boolean named = (title.equals("introduction") && (text.contains("intro")))
                    || (title.equals("conclusion") && (text.contains("conclusion") || text.contains("ending")))
                    || (title.startsWith("frequently asked") && (text.contains("faq") || text.contains("question")));
            if (named) {
                return Optional.of(whole(sections, i));
            }
        }
        Set<String> words = words(text);
        RevisionTarget best = null;
        double bestScore = 0;
        for (int i = 0; i < sections.size(); i++) {
            double score = overlap(words, sections.get(i).title());
            if (score > bestScore) {
                best = whole(sections, i);
                bestScore = score;
            }
            List<BlogPost.Subtopic> subtopics = sections.get(i).subtopics();
            for (int j = 0; j < subtopics.size(); j++) {
                double subScore = overlap(words, subtopics.get(j).title());
                if (subScore > bestScore) {
                    best = new RevisionTarget(i, List.of(j), subtopics.get(j).title());
                    bestScore = subScore;
                }
            }
        }
        return bestScore >= 0.5 ? Optional.of(best) : Optional.empty();
    }

    private static RevisionTarget whole(List<BlogPost.Section> sections, int index) {
        List<Integer> all = java.util.stream.IntStream.range(
                        0, sections.get(index).subtopics().size())
                .boxed()
                .toList();
        return new RevisionTarget(index, all, sections.get(index).title());
    }

    /** Share of the title's meaningful words that the instruction contains. */
    private static double overlap(Set<String> instruction, String title) {
        Set<String> titleWords = words(title.toLowerCase(Locale.ROOT));
        if (titleWords.isEmpty()) {
            return 0;
        }
        long shared = titleWords.stream().filter(instruction::contains).count();
        return (double) shared / titleWords.size();
    }

    private static Set<String> words(String text) {
        return Arrays.stream(text.split("[^\\p{L}\\p{N}]+"))
                .filter(w -> w.length() > 2 && !STOP.contains(w))
                .collect(Collectors.toSet());
    }
}
