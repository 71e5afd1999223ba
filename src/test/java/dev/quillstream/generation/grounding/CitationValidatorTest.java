package dev.quillstream.generation.grounding;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every [n] left in a text names a source; variants are repaired; code is left alone. */
class CitationValidatorTest {

    @Test
    void keepsValidMarkersAndRemovesThoseThatPointNowhere() {
        CitationValidator.Result result = CitationValidator.validate(
                "HPA polls every 15 seconds [2]. KEDA scales to zero [7]. Both exist [0].", 3);
        assertThat(result.text()).isEqualTo("HPA polls every 15 seconds [2]. KEDA scales to zero. Both exist.");
        assertThat(result.cited()).containsExactly(2);
        assertThat(result.removed()).isEqualTo(2);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Claim [1, 3].                 | Claim [1][3].
            Claim [1,2,9].                | Claim [1][2].
            Claim [2-4].                  | Claim [2][3][4].
            Claim [1–3].                  | Claim [1][2][3].
            Claim [^2].                   | Claim [2].
            Claim 【3†source】.            | Claim [3].
            Claim [Source 2].             | Claim [2].
            Claim [ref: 1].               | Claim [1].
            Claim [2](https://evil.test). | Claim [2].
            Claim [2][2] [2].             | Claim [2].
            Claim [1-40].                 | Claim [1].
            """)
    void repairsTheVariantsModelsWrite(String text, String repaired) {
        assertThat(CitationValidator.validate(text, 4).text()).isEqualTo(repaired);
    }

    @Test
    void leavesCodeAndIndexingAlone() {
        String text = "Use `items[9]` or:\n\n```python\nprint(values[12])\n```\n\nand matrix[3] in prose [9].";
        CitationValidator.Result result = CitationValidator.validate(text, 2);
        assertThat(result.text())
                .isEqualTo("Use `items[9]` or:\n\n```python\nprint(values[12])\n```\n\nand matrix[3] in prose.");
        assertThat(result.cited()).isEmpty();
    }

    @Test
    void leavesMarkdownLinksAndReferenceDefinitionsToTheUrlGuard() {
        String text = "See [the docs](https://k8s.example/hpa) and [3]: not a citation";
        assertThat(CitationValidator.validate(text, 1).text()).isEqualTo(text);
    }

    @Test
    void renumbersInOrderOfFirstCitation() {
        String renumbered = CitationValidator.renumber("A [4]. B [2][4]. C [9].", Map.of(4, 1, 2, 2));
        assertThat(renumbered).isEqualTo("A [1]. B [2][1]. C.");
        assertThat(CitationValidator.cited(renumbered)).isEqualTo(List.of(1, 2));
    }

    @Test
    void stripAllLeavesNoMarker() {
        assertThat(CitationValidator.stripAll("Autoscaling on Kubernetes [1][2]"))
                .isEqualTo("Autoscaling on Kubernetes");
    }
}
