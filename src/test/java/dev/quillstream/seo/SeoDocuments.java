package dev.quillstream.seo;

import dev.quillstream.seo.SeoDocument.Part;
import dev.quillstream.seo.SeoDocument.Role;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/** Hand-written posts with known results, for the analyzer tests. */
final class SeoDocuments {

    static final String TITLE = "Password Manager Basics: A Safer Way to Log In Every Day"; // 56
    static final String DESCRIPTION = "Learn how a password manager keeps every account safe, why it pairs well"
            + " with two-factor authentication, and how to set one up today."; // 141

    static final String INTRODUCTION = """
            A password manager stores your logins in one encrypted vault. As a result, you only need to remember one strong password. This guide shows how it works and how to start.

            Most people reuse a few passwords. However, one leaked password can then open many accounts. A manager ends that habit for good.""";

    static final String HOW_IT_WORKS = """
            The vault is locked with your master password. First, the app encrypts each entry on your device. Then it syncs the encrypted data to your other devices. Because only you hold the key, the company cannot read your logins.

            For example, when you visit a shop, the app fills in the right login. In addition, it warns you when a site looks fake.""";

    static final String CHOOSING = """
            Look for an app with a clear security record. Also check that it supports every device you use. Moreover, a good password manager can generate long random passwords for you.

            Next, pick an app that works with two-factor authentication. That way, a thief needs more than your master password.""";

    static final String TWO_FACTOR = """
            Two-factor authentication adds a second step to each login. For instance, you confirm a code from your phone. Therefore, a stolen password alone is not enough.

            Turn it on for email first, since email resets every other account. After that, add it to banking and shopping sites.""";

    static final String CONCLUSION = """
            In short, a password manager gives you strong, unique passwords without the stress. Pair it with two-factor authentication, and your accounts are far safer. Start with one account today, then move the rest over this week.""";

    private SeoDocuments() {}

    /** A post that passes every check. */
    static SeoDocument passing() {
        return new SeoDocument(
                TITLE,
                DESCRIPTION,
                "password-manager-basics",
                List.of("password manager", "two-factor authentication"),
                List.of(
                        new Part(2, "Introduction", INTRODUCTION, Role.INTRODUCTION),
                        new Part(2, "How a Password Manager Works", "", Role.BODY),
                        new Part(3, "The Encrypted Vault", HOW_IT_WORKS, Role.BODY),
                        new Part(3, "Choosing an App", CHOOSING, Role.BODY),
                        new Part(2, "Adding a Second Factor", "", Role.BODY),
                        new Part(3, "Why Codes Help", TWO_FACTOR, Role.BODY),
                        new Part(2, "Conclusion", CONCLUSION, Role.CONCLUSION),
                        new Part(2, "Frequently Asked Questions", "", Role.FAQ),
                        new Part(
                                3,
                                "Is a password manager safe?",
                                "Yes. Your vault is encrypted on your device, so the company cannot read it.",
                                Role.FAQ),
                        new Part(
                                3,
                                "What if I forget my master password?",
                                "Most apps cannot recover it. Therefore, write it down and keep it somewhere safe.",
                                Role.FAQ),
                        new Part(
                                3,
                                "Do I still need two-factor authentication?",
                                "Yes. It protects you even when a password leaks.",
                                Role.FAQ)),
                List.of("encrypted vault", "master password", "random passwords"),
                List.of(
                        new SeoDocument.Faq("Is a password manager safe?", "Yes."),
                        new SeoDocument.Faq("What if I forget my master password?", "Most apps cannot recover it."),
                        new SeoDocument.Faq("Do I still need two-factor authentication?", "Yes.")),
                List.of(new SeoDocument.ImageSuggestion(
                        "A phone unlocking a vault app", "Password manager vault on a phone", "The Encrypted Vault")),
                List.of(new SeoDocument.InternalLink("Phishing 101", "/phishing-101", "spot phishing sites")),
                4,
                List.of(),
                false);
    }

    static SeoDocument withTitle(String title) {
        SeoDocument d = passing();
        return new SeoDocument(
                title,
                d.metaDescription(),
                d.slug(),
                d.keywords(),
                d.parts(),
                d.relatedTerms(),
                d.faq(),
                d.images(),
                d.internalLinks(),
                d.earlierContents(),
                d.citedSources(),
                d.researched());
    }

    static SeoDocument withDescription(String description) {
        SeoDocument d = passing();
        return new SeoDocument(
                d.title(),
                description,
                d.slug(),
                d.keywords(),
                d.parts(),
                d.relatedTerms(),
                d.faq(),
                d.images(),
                d.internalLinks(),
                d.earlierContents(),
                d.citedSources(),
                d.researched());
    }

    static SeoDocument withSlug(String slug) {
        SeoDocument d = passing();
        return new SeoDocument(
                d.title(),
                d.metaDescription(),
                slug,
                d.keywords(),
                d.parts(),
                d.relatedTerms(),
                d.faq(),
                d.images(),
                d.internalLinks(),
                d.earlierContents(),
                d.citedSources(),
                d.researched());
    }

    static SeoDocument withParts(UnaryOperator<List<Part>> change) {
        SeoDocument d = passing();
        return new SeoDocument(
                d.title(),
                d.metaDescription(),
                d.slug(),
                d.keywords(),
                change.apply(new ArrayList<>(d.parts())),
                d.relatedTerms(),
                d.faq(),
                d.images(),
                d.internalLinks(),
                d.earlierContents(),
                d.citedSources(),
                d.researched());
    }

    static SeoDocument with(
            List<String> relatedTerms,
            List<SeoDocument.Faq> faq,
            List<SeoDocument.ImageSuggestion> images,
            List<SeoDocument.InternalLink> links,
            boolean researched) {
        SeoDocument d = passing();
        return new SeoDocument(
                d.title(),
                d.metaDescription(),
                d.slug(),
                d.keywords(),
                d.parts(),
                relatedTerms,
                faq,
                images,
                links,
                d.earlierContents(),
                List.of(),
                researched);
    }

    static Part replaceText(Part part, String text) {
        return new Part(part.level(), part.heading(), text, part.role());
    }
}
