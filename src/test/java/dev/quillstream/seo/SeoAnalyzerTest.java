package dev.quillstream.seo;

import static dev.quillstream.seo.SeoDocuments.passing;
import static org.assertj.core.api.Assertions.assertThat;

import dev.quillstream.seo.SeoDocument.Part;
import dev.quillstream.seo.SeoDocument.Role;
import java.util.List;
import org.junit.jupiter.api.Test;

class SeoAnalyzerTest {

    private final SeoAnalyzer analyzer = new SeoAnalyzer();

    @Test
    void aWellWrittenPostPassesEveryCheck() {
        SeoReport report = analyzer.analyze(passing());
        assertThat(report.failed()).as("%s", report.failed()).isEmpty();
        assertThat(report.score()).isEqualTo(100);
        assertThat(report.passed()).isTrue();
        assertThat(report.readability().fleschReadingEase()).isGreaterThanOrEqualTo(50);
    }

    @Test
    void theSameDocumentGetsTheSameReport() {
        assertThat(analyzer.analyze(passing())).isEqualTo(analyzer.analyze(passing()));
    }

    @Test
    void titleTooShortOrTooLong() {
        thenOnlyFails(SeoDocuments.withTitle("Password Manager Basics"), "title_length");
        thenOnlyFails(
                SeoDocuments.withTitle("Password Manager Basics: A Much Safer Way to Log In to Everything Every Day"),
                "title_length");
    }

    @Test
    void titleWithTheKeywordLate() {
        thenOnlyFails(
                SeoDocuments.withTitle("A Safer Way to Log In Every Day with a Password Manager"), "title_keyword");
    }

    @Test
    void metaDescriptionLengthAndKeyword() {
        thenOnlyFails(
                SeoDocuments.withDescription("A password manager keeps accounts safe."), "meta_description_length");
        thenOnlyFails(
                SeoDocuments.withDescription(
                        "Learn how one encrypted vault keeps every account safe, why it pairs well with two-factor authentication,"
                                + " and how to set one up today."),
                "meta_description_keyword");
    }

    @Test
    void slugMalformedOrWithoutKeyword() {
        SeoReport malformed = analyzer.analyze(SeoDocuments.withSlug("Password_Manager--Basics"));
        assertThat(malformed.failed()).extracting(SeoCheck::id).containsExactly("slug");
        assertThat(malformed.failed().getFirst().hint()).contains("a-z");
        thenOnlyFails(SeoDocuments.withSlug("safer-logins"), "slug");
    }

    @Test
    void aSecondH1InTheBody() {
        thenOnlyFails(
                SeoDocuments.withParts(parts -> {
                    parts.set(
                            2,
                            SeoDocuments.replaceText(parts.get(2), "# Another title\n\n" + SeoDocuments.HOW_IT_WORKS));
                    return parts;
                }),
                "single_h1");
    }

    @Test
    void brokenHeadingHierarchy() {
        SeoReport report = analyzer.analyze(SeoDocuments.withParts(parts -> {
            parts.addFirst(new Part(3, "Orphan subtopic", "Short text here.", Role.BODY));
            return parts;
        }));
        assertThat(report.failed()).extracting(SeoCheck::id).contains("heading_hierarchy");
        assertThat(report.checks().stream()
                        .filter(c -> c.id().equals("heading_hierarchy"))
                        .findFirst()
                        .orElseThrow()
                        .value())
                .contains("before any H2");
    }

    @Test
    void keywordMissingFromIntroductionSubheadingAndConclusion() {
        thenFails(
                SeoDocuments.withParts(parts -> {
                    parts.set(
                            0,
                            SeoDocuments.replaceText(parts.get(0), """
                    Your logins deserve better than sticky notes. This guide shows a calmer way to handle them, step by step, with simple tools you can set up in an afternoon. However, first we look at why old habits fail.

                    Most people reuse a few passwords. However, one leaked password can then open many accounts. Attackers know this, so they try each stolen login on many sites at once. That is why a single breach at a small forum can reach your email, your bank and your work accounts within hours. Because of this, the fix has to make unique passwords effortless, or people will keep reusing them.
                    """ + "Then a password manager ends that habit."));
                    return parts;
                }),
                "keyword_in_introduction");
        thenOnlyFails(
                SeoDocuments.withParts(parts -> {
                    parts.set(1, new Part(2, "How the Vault Works", "", Role.BODY));
                    parts.set(8, new Part(3, "Is it safe?", parts.get(8).text(), Role.FAQ));
                    return parts;
                }),
                "keyword_in_subheading");
        thenOnlyFails(
                SeoDocuments.withParts(parts -> {
                    parts.set(
                            6,
                            SeoDocuments.replaceText(
                                    parts.get(6),
                                    "In short, strong and unique passwords remove the stress. Pair them with two-factor authentication, and your accounts are far safer. Start with one account today."));
                    return parts;
                }),
                "keyword_in_conclusion");
    }

    @Test
    void keywordDensityCountsInflectionsAndFlagsStuffing() {
        SeoDocument stuffed = SeoDocuments.withParts(parts -> {
            parts.set(
                    3,
                    SeoDocuments.replaceText(
                            parts.get(3),
                            "Password managers help. " + "A password manager is a password manager. ".repeat(6)));
            return parts;
        });
        SeoReport report = analyzer.analyze(stuffed);
        assertThat(report.failed()).extracting(SeoCheck::id).contains("keyword_density:password manager");
        assertThat(report.failed().stream()
                        .filter(c -> c.id().startsWith("keyword_density"))
                        .findFirst()
                        .orElseThrow()
                        .hint())
                .contains("less often");
        assertThat(dev.quillstream.seo.text.Stems.occurrences(
                        dev.quillstream.seo.text.Stems.of("Password managers and a password manager's vault"),
                        "password manager"))
                .isEqualTo(2);
    }

    @Test
    void missingRelatedTermsFaqImagesLinksAndSources() {
        SeoDocument d = passing();
        thenOnlyFails(
                SeoDocuments.with(
                        List.of("salting", "pepper", "argon2"), d.faq(), d.images(), d.internalLinks(), false),
                "related_terms");
        thenOnlyFails(
                SeoDocuments.with(d.relatedTerms(), d.faq().subList(0, 2), d.images(), d.internalLinks(), false),
                "faq");
        thenOnlyFails(
                SeoDocuments.with(
                        d.relatedTerms(),
                        d.faq(),
                        List.of(new SeoDocument.ImageSuggestion("vault", " ", "top")),
                        d.internalLinks(),
                        false),
                "image_alt_text");
        thenOnlyFails(SeoDocuments.with(d.relatedTerms(), d.faq(), d.images(), List.of(), false), "internal_links");
        thenOnlyFails(
                SeoDocuments.with(d.relatedTerms(), d.faq(), d.images(), d.internalLinks(), true), "external_links");
    }

    @Test
    void hardToReadText() {
        String dense =
                "Notwithstanding considerable organisational heterogeneity, institutional credential administration"
                        + " necessitates comprehensive cryptographic infrastructure encompassing authentication, authorisation,"
                        + " synchronisation and auditability considerations simultaneously across geographically distributed departments. ";
        SeoReport report = analyzer.analyze(SeoDocuments.withParts(parts -> {
            parts.set(3, SeoDocuments.replaceText(parts.get(3), dense.repeat(14)));
            return parts;
        }));
        assertThat(report.failed())
                .extracting(SeoCheck::id)
                .contains("flesch_reading_ease", "sentence_length", "paragraph_length");
        assertThat(report.score()).isLessThan(100);
    }

    @Test
    void passiveVoiceAndMissingTransitions() {
        String passive =
                "The vault is encrypted by the app. The data is synced to each device. The key is kept on your phone."
                        + " The login is filled in by the browser. The code was sent by the bank. ";
        SeoReport report = analyzer.analyze(SeoDocuments.withParts(parts -> {
            parts.set(2, SeoDocuments.replaceText(parts.get(2), passive));
            parts.set(3, SeoDocuments.replaceText(parts.get(3), passive));
            parts.set(5, SeoDocuments.replaceText(parts.get(5), passive + "Two-factor authentication is used."));
            return parts;
        }));
        assertThat(report.failed()).extracting(SeoCheck::id).contains("passive_voice", "transition_words");
    }

    private void thenOnlyFails(SeoDocument document, String check) {
        SeoReport report = analyzer.analyze(document);
        assertThat(report.failed())
                .extracting(SeoCheck::id)
                .as("%s", report.failed())
                .containsExactly(check);
        assertThat(report.failed().getFirst().hint()).isNotBlank();
        assertThat(report.score()).isLessThan(100);
    }

    private void thenFails(SeoDocument document, String check) {
        assertThat(analyzer.analyze(document).failed()).extracting(SeoCheck::id).contains(check);
    }
}
