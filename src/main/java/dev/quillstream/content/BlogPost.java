package dev.quillstream.content;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A blog post in the seed's shape: {@code id, title, description, date, image, tags, sections},
 * plus {@code metadata}. The introduction, conclusion and FAQ are sections too, so a client that
 * renders the seed shape renders the whole post.
 *
 * @param description the meta description
 * @param date ISO-8601 date of writing
 * @param image an image URL; null until an image source is configured
 */
public record BlogPost(
        String id,
        String title,
        String description,
        String date,
        @Nullable String image,
        List<String> tags,
        List<Section> sections,
        BlogMetadata metadata) {

    public BlogPost {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(date, "date");
        tags = List.copyOf(tags);
        sections = List.copyOf(sections);
        Objects.requireNonNull(metadata, "metadata");
    }

    /** A titled part of the post. */
    public record Section(String title, List<Subtopic> subtopics) {
        public Section {
            Objects.requireNonNull(title, "title");
            subtopics = List.copyOf(subtopics);
        }
    }

    /** A titled run of Markdown paragraphs inside a section; the title may be empty for a section's only subtopic. */
    public record Subtopic(String title, String content) {
        public Subtopic {
            Objects.requireNonNull(title, "title");
            Objects.requireNonNull(content, "content");
        }
    }
}
