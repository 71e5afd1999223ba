package dev.quillstream.export;

import dev.quillstream.content.BlogMetadata;
import dev.quillstream.content.BlogPost;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The one document model every format is rendered from: a title, chapters of titled sections
 * whose text is Markdown written by a model (untrusted: every renderer sanitises it), and the
 * references that {@code [n]} markers in the text point to. A blog post is a document whose
 * chapters are the post's sections; a book is one whose chapters are its chapters.
 *
 * @param id the content id (also the EPUB identifier)
 * @param description meta description or summary; may be empty
 * @param date ISO-8601 date of writing
 * @param slug URL-safe name, also the base of file names
 * @param kind {@code blog} or {@code book}: decides the JSON-LD type and how headings nest
 * @param offline true when the offline model wrote it: every format marks it as a draft
 * @param generator who wrote it (provider and model), for the front matter and the metadata
 * @param seo JSON-LD and meta tags computed when the content was written; null when it has none
 */
public record ExportDocument(
        String id,
        String kind,
        String title,
        String description,
        String date,
        String language,
        String slug,
        List<String> tags,
        @Nullable String image,
        boolean offline,
        String generator,
        List<Chapter> chapters,
        List<Reference> references,
        @Nullable Seo seo) {

    public ExportDocument {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        description = description == null ? "" : description;
        tags = List.copyOf(tags);
        chapters = List.copyOf(chapters);
        references = List.copyOf(references);
    }

    /** A chapter (a blog's section): its title and its titled sections. */
    public record Chapter(String title, List<Section> sections) {
        public Chapter {
            Objects.requireNonNull(title, "title");
            sections = List.copyOf(sections);
        }
    }

    /** A titled run of Markdown; the title may be empty (the chapter's only section). */
    public record Section(String title, String markdown) {
        public Section {
            Objects.requireNonNull(title, "title");
            Objects.requireNonNull(markdown, "markdown");
        }
    }

    /** A source that {@code [number]} in the text cites. */
    public record Reference(int number, String title, String url) {}

    /** The markup a web page of the document carries in its head. */
    public record Seo(int score, List<JsonNode> jsonLd, Map<String, String> metaTags) {
        public Seo {
            jsonLd = List.copyOf(jsonLd);
            metaTags = Map.copyOf(metaTags);
        }
    }

    /**
     * A document with a generic chapters/sections structure (a book): each chapter's sections in
     * order, a bibliography that {@code [n]} markers in the text cite. Tags, language and date may
     * be refined with the {@code with...} methods.
     */
    public static ExportDocument ofChapters(
            String id,
            String title,
            String description,
            List<Chapter> chapters,
            List<Reference> bibliography,
            List<String> tags,
            String date,
            boolean offline,
            String generator) {
        return new ExportDocument(
                id,
                "book",
                title,
                description,
                date,
                "en",
                Slugs.of(title),
                tags,
                null,
                offline,
                generator,
                chapters,
                bibliography,
                null);
    }

    /**
     * A blog post as a document: its sections become chapters, its subtopics sections; the
     * References section the research pipeline appends becomes the reference list.
     */
    public static ExportDocument fromBlog(BlogPost post) {
        BlogMetadata metadata = post.metadata();
        List<Reference> references = new ArrayList<>();
        for (BlogMetadata.Source source : metadata.sources()) {
            if (source.number() != null) {
                references.add(new Reference(source.number(), source.title(), source.url()));
            }
        }
        references.sort(java.util.Comparator.comparingInt(Reference::number));
        List<Chapter> chapters = new ArrayList<>();
        for (BlogPost.Section section : post.sections()) {
            boolean referenceList = section.title().equals("References") && !references.isEmpty();
            if (referenceList) {
                continue; // rendered from the sources, as footnotes or a list, by each format
            }
            chapters.add(new Chapter(
                    section.title(),
                    section.subtopics().stream()
                            .map(s -> new Section(s.title(), s.content()))
                            .toList()));
        }
        var seo = metadata.seo();
        return new ExportDocument(
                post.id(),
                "blog",
                post.title(),
                post.description(),
                post.date(),
                metadata.language() == null ? "en" : metadata.language(),
                metadata.slug() == null || metadata.slug().isBlank() ? Slugs.of(post.title()) : metadata.slug(),
                post.tags(),
                post.image(),
                metadata.offline(),
                "Quillstream (" + metadata.provider() + ", " + metadata.model() + ")",
                chapters,
                references,
                seo == null ? null : new Seo(seo.score(), seo.jsonLd(), seo.metaTags()));
    }

    public ExportDocument withLanguage(String newLanguage) {
        return new ExportDocument(
                id,
                kind,
                title,
                description,
                date,
                newLanguage,
                slug,
                tags,
                image,
                offline,
                generator,
                chapters,
                references,
                seo);
    }

    /** Every piece of Markdown in reading order, for word counts and search. */
    public List<String> markdownParts() {
        return chapters.stream()
                .flatMap(c -> c.sections().stream())
                .map(Section::markdown)
                .toList();
    }
}
