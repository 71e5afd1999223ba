package dev.quillstream.research;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PassageIndexTest {

    private static final List<Passage> PASSAGES = List.of(
            new Passage(1, "The Horizontal Pod Autoscaler scales replicas from CPU utilisation metrics."),
            new Passage(1, "Autoscaling the cluster itself is the job of the Cluster Autoscaler, which adds nodes."),
            new Passage(1, "HPA also reads custom metrics through the metrics API adapter."),
            new Passage(2, "KEDA scales deployments on events such as Kafka lag or queue length, down to zero."),
            new Passage(3, "Cats lick their owners as a sign of affection."));

    @Test
    void ranksThePassagesThatAnswerTheQuery() {
        List<PassageIndex.Match> matches =
                new PassageIndex(PASSAGES).search("event-driven scaling with KEDA queues", 3, 3);
        assertThat(matches.getFirst().passage().source()).isEqualTo(2);
        assertThat(matches).noneMatch(m -> m.passage().source() == 3);
    }

    @Test
    void passagesSharingNoTermAreNeverReturned() {
        assertThat(new PassageIndex(PASSAGES).search("sourdough bread hydration", 5, 5))
                .isEmpty();
    }

    @Test
    void capsPassagesPerSource() {
        List<PassageIndex.Match> matches = new PassageIndex(PASSAGES).search("autoscaler scales metrics HPA", 5, 1);
        assertThat(matches).extracting(m -> m.passage().source()).doesNotHaveDuplicates();
    }

    @Test
    void splitsAtParagraphsIntoBoundedPassages() {
        String paragraph = "word ".repeat(90).strip();
        String text = String.join("\n\n", paragraph, paragraph, paragraph, "tail");
        List<Passage> passages = Passage.split(4, text);
        assertThat(passages).allSatisfy(p -> {
            assertThat(p.source()).isEqualTo(4);
            assertThat(Passage.count(p.text())).isLessThanOrEqualTo(Passage.MAX_WORDS);
        });
        assertThat(passages.stream().mapToInt(p -> Passage.count(p.text())).sum())
                .isEqualTo(271);
        String huge = "Sentence with several words here. ".repeat(200);
        assertThat(Passage.split(1, huge))
                .hasSizeGreaterThan(5)
                .allSatisfy(p -> assertThat(Passage.count(p.text())).isLessThanOrEqualTo(Passage.MAX_WORDS));
    }
}
