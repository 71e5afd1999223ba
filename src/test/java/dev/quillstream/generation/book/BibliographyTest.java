package dev.quillstream.generation.book;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quillstream.content.Book;
import dev.quillstream.generation.grounding.NumberedSource;
import dev.quillstream.research.SourceKind;
import java.util.List;
import org.junit.jupiter.api.Test;

class BibliographyTest {

    static NumberedSource source(int number, String url) {
        return new NumberedSource(number, "Source " + number, url, List.of(SourceKind.TAVILY));
    }

    @Test
    void oneListNumberedByFirstCitationWithTheSamePageListedOnce() {
        List<NumberedSource> sources = List.of(
                source(1, "https://example.com/hpa"),
                source(2, "https://example.com/keda"),
                source(3, "https://example.com/hpa?utm_source=x"),
                source(4, "https://example.com/vpa"),
                source(5, "https://example.com/never-cited"));
        Bibliography bibliography = Bibliography.of(
                sources,
                List.of(
                        List.of("KEDA scales on events [2]. The HPA reads metrics [3].", "Again [1]."),
                        List.of("VPA resizes pods [4], unlike the HPA [1][3].")));

        assertThat(bibliography.numbers())
                .containsEntry(2, 1)
                .containsEntry(3, 2)
                .containsEntry(1, 2)
                .containsEntry(4, 3);
        assertThat(bibliography.references()).extracting(Book.Reference::number).containsExactly(1, 2, 3);
        assertThat(bibliography.references())
                .extracting(Book.Reference::url)
                .containsExactly("https://example.com/keda", "https://example.com/hpa", "https://example.com/vpa");
        assertThat(bibliography.references().get(1).chapters()).containsExactly(1, 2);
        assertThat(bibliography.sources()).hasSize(4);
        assertThat(bibliography.sources().getLast().number()).isNull();
        assertThat(bibliography.sources().getLast().url()).isEqualTo("https://example.com/never-cited");
    }
}
