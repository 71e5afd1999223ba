package dev.quillstream.generation.grounding;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quillstream.content.BlogMetadata;
import dev.quillstream.content.BlogPost;
import dev.quillstream.research.SourceKind;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CitedPostTest {

    private static final List<NumberedSource> SOURCES = List.of(
            new NumberedSource(1, "HPA docs", "https://kubernetes.io/docs/hpa/", List.of(SourceKind.SERP)),
            new NumberedSource(2, "KEDA", "https://keda.sh/", List.of(SourceKind.TAVILY, SourceKind.EXA)),
            new NumberedSource(3, "Handbook", "library:handbook.md", List.of(SourceKind.LOCAL)),
            new NumberedSource(4, "Never cited", "https://unused.example/", List.of(SourceKind.SERP)));

    private static BlogPost post(List<BlogPost.Section> sections) {
        BlogMetadata metadata = new BlogMetadata(
                "offline",
                "m",
                true,
                new BlogMetadata.Usage(1, 1, 1, 2),
                Map.of(),
                "slug",
                "practical",
                "en",
                List.of(),
                "2026-01-01T00:00:00Z",
                null,
                new BlogMetadata.Structure(1, 1, 0));
        return new BlogPost(
                "id",
                "Autoscaling [2] guide",
                "See https://invented.io [1]",
                "2026-01-01",
                null,
                List.of("hpa", "[3]"),
                sections,
                metadata);
    }

    @Test
    void renumbersByFirstCitationAddsReferencesAndListsEverySource() {
        BlogPost cited = CitedPost.of(
                post(List.of(
                        new BlogPost.Section(
                                "Introduction",
                                List.of(new BlogPost.Subtopic("", "Scaling matters [2]. Unknown [9]."))),
                        new BlogPost.Section(
                                "How HPA works",
                                List.of(
                                        new BlogPost.Subtopic(
                                                "Polling [1]",
                                                "HPA polls [1][2]; see [docs](https://invented.io/hpa)."),
                                        new BlogPost.Subtopic("Notes", "Our handbook says so [3]."))))),
                SOURCES);

        assertThat(cited.title()).isEqualTo("Autoscaling guide");
        assertThat(cited.description()).isEqualTo("See");
        assertThat(cited.tags()).containsExactly("hpa");
        assertThat(cited.sections().get(0).subtopics().getFirst().content()).isEqualTo("Scaling matters [1]. Unknown.");
        assertThat(cited.sections().get(1).subtopics().get(0).title()).isEqualTo("Polling");
        assertThat(cited.sections().get(1).subtopics().get(0).content()).isEqualTo("HPA polls [2][1]; see docs.");
        assertThat(cited.sections().get(1).subtopics().get(1).content()).isEqualTo("Our handbook says so [3].");

        BlogPost.Section references = cited.sections().getLast();
        assertThat(references.title()).isEqualTo(CitedPost.REFERENCES);
        assertThat(references.subtopics().getFirst().content()).isEqualTo("""
                        [1] KEDA — <https://keda.sh/> — Tavily, Exa

                        [2] HPA docs — <https://kubernetes.io/docs/hpa/> — SerpApi (Google)

                        [3] Handbook — <library:handbook.md> — your library""");
        assertThat(CitedPost.hasReferences(cited)).isTrue();

        assertThat(cited.metadata().sources())
                .containsExactly(
                        new BlogMetadata.Source(
                                1,
                                "KEDA",
                                "https://keda.sh/",
                                List.of("tavily", "exa"),
                                List.of("Introduction", "How HPA works")),
                        new BlogMetadata.Source(
                                2,
                                "HPA docs",
                                "https://kubernetes.io/docs/hpa/",
                                List.of("serp"),
                                List.of("How HPA works")),
                        new BlogMetadata.Source(
                                3, "Handbook", "library:handbook.md", List.of("local"), List.of("How HPA works")),
                        new BlogMetadata.Source(
                                null, "Never cited", "https://unused.example/", List.of("serp"), List.of()));
    }

    @Test
    void aPostCitingNothingGetsNoReferencesSection() {
        BlogPost cited = CitedPost.of(
                post(List.of(
                        new BlogPost.Section("Introduction", List.of(new BlogPost.Subtopic("", "No claims [8]."))))),
                SOURCES);
        assertThat(CitedPost.hasReferences(cited)).isFalse();
        assertThat(cited.metadata().sources())
                .hasSize(4)
                .allSatisfy(s -> assertThat(s.number()).isNull());
    }
}
