package dev.quillstream.seo;

import dev.quillstream.seo.text.PlainText;
import dev.quillstream.seo.text.Stems;
import dev.quillstream.seo.text.Style;
import dev.quillstream.seo.text.Words;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Deterministic SEO and readability checks with the thresholds common search guidance uses. The
 * same document always gets the same report; every failed check says what was measured, what
 * passes and how to fix it.
 */
public final class SeoAnalyzer {

    public static final int TITLE_MIN = 50;
    public static final int TITLE_MAX = 60;
    /** "Near the start": the primary keyword begins within this many characters of the title. */
    public static final int TITLE_KEYWORD_WITHIN = 30;

    public static final int DESCRIPTION_MIN = 120;
    public static final int DESCRIPTION_MAX = 160;
    public static final int SLUG_MAX = 75;
    public static final int INTRO_WORDS = 100;
    public static final double DENSITY_MIN = 0.5;
    public static final double DENSITY_MAX = 2.5;
    public static final double FLESCH_MIN = 50;
    public static final int LONG_SENTENCE_WORDS = 20;
    public static final double LONG_SENTENCE_MAX_SHARE = 0.25;
    public static final int PARAGRAPH_MAX_WORDS = 150;
    public static final double PASSIVE_MAX_SHARE = 0.10;
    public static final double TRANSITION_MIN_SHARE = 0.30;
    public static final int FAQ_MIN = 3;
    public static final int RELATED_TERMS_MIN = 3;
    public static final int ALT_TEXT_MAX = 125;

    public SeoReport analyze(SeoDocument document) {
        String body = document.parts().stream().map(SeoDocument.Part::text).collect(Collectors.joining("\n\n"));
        String plainBody = PlainText.of(body);
        List<String> bodyStems = Stems.of(plainBody);
        int totalWords = Words.count(plainBody);
        String keyword = document.primaryKeyword();
        List<SeoCheck> checks = new ArrayList<>();

        int titleLength = document.title().length();
        checks.add(SeoCheck.of(
                "title_length",
                "Title length",
                titleLength >= TITLE_MIN && titleLength <= TITLE_MAX,
                titleLength + " characters",
                TITLE_MIN + "–" + TITLE_MAX + " characters",
                titleLength < TITLE_MIN
                        ? "Lengthen the title with a specific benefit or qualifier."
                        : "Shorten the title; search results cut it after about 60 characters.",
                8));
        int keywordAt = characterIndexOf(document.title(), keyword);
        checks.add(SeoCheck.of(
                "title_keyword",
                "Primary keyword near the start of the title",
                keywordAt >= 0 && keywordAt <= TITLE_KEYWORD_WITHIN,
                keywordAt < 0 ? "absent" : "at character " + keywordAt,
                "within the first " + TITLE_KEYWORD_WITHIN + " characters",
                "Start the title with \"" + keyword + "\".",
                8));
        int descriptionLength = document.metaDescription().length();
        checks.add(SeoCheck.of(
                "meta_description_length",
                "Meta description length",
                descriptionLength >= DESCRIPTION_MIN && descriptionLength <= DESCRIPTION_MAX,
                descriptionLength + " characters",
                DESCRIPTION_MIN + "–" + DESCRIPTION_MAX + " characters",
                "Write a meta description of " + DESCRIPTION_MIN + "–" + DESCRIPTION_MAX + " characters.",
                6));
        checks.add(SeoCheck.of(
                "meta_description_keyword",
                "Primary keyword in the meta description",
                Stems.contains(document.metaDescription(), keyword),
                yesNo(Stems.contains(document.metaDescription(), keyword)),
                "yes",
                "Mention \"" + keyword + "\" in the meta description.",
                5));
        checks.add(slugCheck(document.slug(), keyword));
        checks.add(singleH1(document));
        checks.add(headingHierarchy(document.parts()));

        List<String> words = Words.of(plainBody);
        String opening = String.join(" ", words.subList(0, Math.min(INTRO_WORDS, words.size())));
        boolean inIntro = Stems.contains(opening, keyword);
        checks.add(SeoCheck.of(
                "keyword_in_introduction",
                "Primary keyword in the first " + INTRO_WORDS + " words",
                inIntro,
                yesNo(inIntro),
                "yes",
                "Use \"" + keyword + "\" in the first paragraph.",
                6));
        boolean inHeading = document.parts().stream().anyMatch(p -> Stems.contains(p.heading(), keyword));
        checks.add(SeoCheck.of(
                "keyword_in_subheading",
                "Primary keyword in a subheading",
                inHeading,
                yesNo(inHeading),
                "yes",
                "Put \"" + keyword + "\" in at least one H2 or H3.",
                5));
        String conclusion = document.parts().stream()
                .filter(p -> p.role() == SeoDocument.Role.CONCLUSION)
                .map(SeoDocument.Part::text)
                .collect(Collectors.joining(" "));
        boolean inConclusion = Stems.contains(PlainText.of(conclusion), keyword);
        checks.add(SeoCheck.of(
                "keyword_in_conclusion",
                "Primary keyword in the conclusion",
                inConclusion,
                yesNo(inConclusion),
                "yes",
                "Mention \"" + keyword + "\" in the conclusion.",
                5));
        for (String each : document.keywords()) {
            double density = totalWords == 0 ? 0 : 100.0 * Stems.occurrences(bodyStems, each) / totalWords;
            checks.add(SeoCheck.of(
                    "keyword_density:" + each.toLowerCase(Locale.ROOT),
                    "Density of \"" + each + "\"",
                    density >= DENSITY_MIN && density <= DENSITY_MAX,
                    String.format(Locale.ROOT, "%.2f%%", density),
                    DENSITY_MIN + "–" + DENSITY_MAX + "%",
                    density < DENSITY_MIN
                            ? "Use \"" + each + "\" (or its inflections) more often where it fits."
                            : "Use \"" + each + "\" less often; vary with synonyms.",
                    4));
        }
        checks.add(relatedTerms(document, bodyStems));
        checks.add(SeoCheck.of(
                "faq",
                "FAQ section",
                document.faq().size() >= FAQ_MIN,
                document.faq().size() + " questions",
                "at least " + FAQ_MIN,
                "Add a FAQ with at least " + FAQ_MIN + " questions readers ask.",
                4));
        boolean imagesOk = !document.images().isEmpty()
                && document.images().stream()
                        .allMatch(i -> !i.altText().isBlank() && i.altText().length() <= ALT_TEXT_MAX);
        checks.add(SeoCheck.of(
                "image_alt_text",
                "Image suggestions with alt text",
                imagesOk,
                document.images().size() + " images",
                "at least 1, each with alt text of at most " + ALT_TEXT_MAX + " characters",
                "Suggest an image for the post with a descriptive alt text.",
                3));
        boolean linksOk =
                document.earlierContents() == 0 || !document.internalLinks().isEmpty();
        checks.add(SeoCheck.of(
                "internal_links",
                "Internal link suggestions",
                linksOk,
                document.internalLinks().size() + " suggested of " + document.earlierContents() + " earlier posts",
                "at least 1 when earlier posts exist",
                "Link to a related earlier post.",
                3));
        boolean externalOk = !document.researched() || !document.citedSources().isEmpty();
        checks.add(SeoCheck.of(
                "external_links",
                "External links to cited sources",
                externalOk,
                document.citedSources().size() + " cited sources",
                document.researched() ? "at least 1" : "not required without research",
                "Cite at least one source from the research.",
                3));

        Readability readability = readability(document.parts());
        checks.addAll(readabilityChecks(readability));
        return SeoReport.of(checks, readability);
    }

    private static SeoCheck slugCheck(String slug, String keyword) {
        boolean wellFormed = slug.matches("[a-z0-9]+(?:-[a-z0-9]+)*") && slug.length() <= SLUG_MAX;
        boolean hasKeyword = Stems.contains(slug.replace('-', ' '), keyword);
        return SeoCheck.of(
                "slug",
                "Slug",
                wellFormed && hasKeyword,
                slug,
                "lower-case words joined by hyphens, at most " + SLUG_MAX + " characters, with the primary keyword",
                wellFormed ? "Include \"" + keyword + "\" in the slug." : "Use only a-z, 0-9 and single hyphens.",
                4);
    }

    private static SeoCheck singleH1(SeoDocument document) {
        long extraH1 = document.parts().stream()
                .flatMap(p -> p.text().lines())
                .filter(line -> line.matches("^#\\s+.*"))
                .count();
        boolean passed = !document.title().isBlank() && extraH1 == 0;
        return SeoCheck.of(
                "single_h1",
                "Exactly one H1",
                passed,
                (document.title().isBlank() ? 0 : 1) + extraH1 + " H1",
                "1 (the title)",
                "Keep the title as the only H1; use H2/H3 inside the post.",
                5);
    }

    private static SeoCheck headingHierarchy(List<SeoDocument.Part> parts) {
        List<String> problems = new ArrayList<>();
        boolean insideSection = false;
        Set<String> sectionHeadings = new HashSet<>();
        for (SeoDocument.Part part : parts) {
            if (part.level() == 2) {
                insideSection = true;
                if (part.heading().isBlank()) {
                    problems.add("an empty H2");
                } else if (!sectionHeadings.add(part.heading().toLowerCase(Locale.ROOT))) {
                    problems.add("H2 \"" + part.heading() + "\" repeated");
                }
            } else if (part.level() == 3 && !insideSection) {
                problems.add("H3 \"" + part.heading() + "\" before any H2");
            }
            part.text()
                    .lines()
                    .filter(line -> line.matches("^#{2,6}\\s+.*"))
                    .findFirst()
                    .ifPresent(line -> problems.add("a heading inside body text: \"" + line.strip() + "\""));
        }
        return SeoCheck.of(
                "heading_hierarchy",
                "Clean H2/H3 hierarchy",
                problems.isEmpty(),
                problems.isEmpty() ? "clean" : String.join("; ", problems),
                "H3 only under an H2, no empty or repeated H2",
                "Follow the outline: H2 per section, H3 per subtopic.",
                5);
    }

    private static SeoCheck relatedTerms(SeoDocument document, List<String> bodyStems) {
        long used = document.relatedTerms().stream()
                .filter(t -> Stems.occurrences(bodyStems, t) > 0)
                .count();
        boolean passed = document.relatedTerms().size() >= RELATED_TERMS_MIN
                && used * 2 >= document.relatedTerms().size();
        return SeoCheck.of(
                "related_terms",
                "Related terms covered",
                passed,
                used + " of " + document.relatedTerms().size() + " used",
                "at least " + RELATED_TERMS_MIN + " related terms, half of them in the text",
                "Cover related terms searchers use: " + String.join(", ", document.relatedTerms()),
                3);
    }

    static Readability readability(List<SeoDocument.Part> parts) {
        List<String> paragraphs = new ArrayList<>();
        parts.forEach(p -> paragraphs.addAll(PlainText.paragraphs(p.text())));
        int words = 0;
        int syllables = 0;
        int sentences = 0;
        int longSentences = 0;
        int passive = 0;
        int transitions = 0;
        int longestParagraph = 0;
        for (String paragraph : paragraphs) {
            longestParagraph = Math.max(longestParagraph, Words.count(paragraph));
            for (String sentence : Words.sentences(paragraph)) {
                List<String> sentenceWords = Words.of(sentence);
                sentences++;
                words += sentenceWords.size();
                syllables += sentenceWords.stream().mapToInt(Words::syllables).sum();
                longSentences += sentenceWords.size() > LONG_SENTENCE_WORDS ? 1 : 0;
                passive += Style.isPassive(sentence) ? 1 : 0;
                transitions += Style.hasTransition(sentence) ? 1 : 0;
            }
        }
        if (sentences == 0 || words == 0) {
            return new Readability(0, 0, paragraphs.size(), 0, 0, 0, 0, 0, 0);
        }
        double wordsPerSentence = (double) words / sentences;
        double flesch = 206.835 - 1.015 * wordsPerSentence - 84.6 * ((double) syllables / words);
        return new Readability(
                words,
                sentences,
                paragraphs.size(),
                round(Math.clamp(flesch, 0, 100)),
                round(wordsPerSentence),
                round((double) longSentences / sentences),
                longestParagraph,
                round((double) passive / sentences),
                round((double) transitions / sentences));
    }

    private static List<SeoCheck> readabilityChecks(Readability r) {
        return List.of(
                SeoCheck.of(
                        "flesch_reading_ease",
                        "Flesch reading ease",
                        r.fleschReadingEase() >= FLESCH_MIN,
                        String.valueOf(r.fleschReadingEase()),
                        "at least " + (int) FLESCH_MIN,
                        "Use shorter sentences and plainer words.",
                        5),
                SeoCheck.of(
                        "sentence_length",
                        "Sentence length",
                        r.longSentenceShare() <= LONG_SENTENCE_MAX_SHARE,
                        percent(r.longSentenceShare()) + " over " + LONG_SENTENCE_WORDS + " words",
                        "at most " + percent(LONG_SENTENCE_MAX_SHARE),
                        "Split long sentences.",
                        4),
                SeoCheck.of(
                        "paragraph_length",
                        "Paragraph length",
                        r.longestParagraphWords() <= PARAGRAPH_MAX_WORDS,
                        "longest " + r.longestParagraphWords() + " words",
                        "at most " + PARAGRAPH_MAX_WORDS + " words",
                        "Split long paragraphs.",
                        3),
                SeoCheck.of(
                        "passive_voice",
                        "Passive voice",
                        r.passiveShare() <= PASSIVE_MAX_SHARE,
                        percent(r.passiveShare()) + " of sentences",
                        "at most " + percent(PASSIVE_MAX_SHARE),
                        "Rewrite passive sentences in the active voice.",
                        3),
                SeoCheck.of(
                        "transition_words",
                        "Transition words",
                        r.transitionShare() >= TRANSITION_MIN_SHARE,
                        percent(r.transitionShare()) + " of sentences",
                        "at least " + percent(TRANSITION_MIN_SHARE),
                        "Connect sentences with transition words (for example, however, because, then).",
                        3));
    }

    private static int characterIndexOf(String text, String phrase) {
        int wordIndex = Stems.firstWordIndex(text, phrase);
        if (wordIndex < 0) {
            return -1;
        }
        List<String> words = Words.of(text);
        String first = words.get(Math.min(wordIndex, words.size() - 1));
        return text.indexOf(first);
    }

    private static String yesNo(boolean value) {
        return value ? "yes" : "no";
    }

    private static String percent(double share) {
        return Math.round(share * 100) + "%";
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
