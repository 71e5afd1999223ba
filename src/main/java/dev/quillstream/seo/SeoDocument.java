package dev.quillstream.seo;

import java.util.List;
import java.util.Objects;

/**
 * A post as search engines read it: title (the only H1), meta description, slug, keywords (the
 * first is primary), the headed parts in order, and what surrounds the text.
 *
 * @param citedSources URLs of the sources the post cites (external links); empty without research
 * @param internalLinks suggested links to the author's earlier posts
 * @param earlierContents how many earlier posts the author has (0 means nothing to link to)
 */
public record SeoDocument(
        String title,
        String metaDescription,
        String slug,
        List<String> keywords,
        List<Part> parts,
        List<String> relatedTerms,
        List<Faq> faq,
        List<ImageSuggestion> images,
        List<InternalLink> internalLinks,
        int earlierContents,
        List<String> citedSources,
        boolean researched) {

    public SeoDocument {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(metaDescription, "metaDescription");
        Objects.requireNonNull(slug, "slug");
        keywords = List.copyOf(keywords);
        parts = List.copyOf(parts);
        relatedTerms = List.copyOf(relatedTerms);
        faq = List.copyOf(faq);
        images = List.copyOf(images);
        internalLinks = List.copyOf(internalLinks);
        citedSources = List.copyOf(citedSources);
    }

    public String primaryKeyword() {
        return keywords.isEmpty() ? title : keywords.getFirst();
    }

    /** What a part is for: the checks look for the keyword in the introduction and conclusion. */
    public enum Role {
        INTRODUCTION,
        BODY,
        CONCLUSION,
        FAQ
    }

    /**
     * A heading and the Markdown under it.
     *
     * @param level 2 for a section (H2), 3 for a subtopic (H3); a part without a heading of its own
     *     (an introduction's text) has an empty heading
     */
    public record Part(int level, String heading, String text, Role role) {}

    public record Faq(String question, String answer) {}

    /** An image the post should have, with its alt text and where it goes. */
    public record ImageSuggestion(String description, String altText, String placement) {}

    public record InternalLink(String title, String url, String anchorText) {}
}
