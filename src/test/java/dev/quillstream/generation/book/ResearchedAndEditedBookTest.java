package dev.quillstream.generation.book;

import static dev.quillstream.generation.book.BookScripts.good;
import static org.assertj.core.api.Assertions.assertThat;

import dev.quillstream.content.Book;
import dev.quillstream.generation.BookCheckpoints;
import dev.quillstream.generation.BookKind;
import dev.quillstream.generation.BookRequest;
import dev.quillstream.generation.GenerationListener;
import dev.quillstream.generation.Tone;
import dev.quillstream.generation.grounding.CitationValidator;
import dev.quillstream.llm.offline.OfflineTextModel;
import dev.quillstream.testing.FakeResearch;
import dev.quillstream.testing.ScriptedModel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ResearchedAndEditedBookTest {

    static Map<String, String> pages() {
        Map<String, String> pages = new LinkedHashMap<>();
        pages.put(
                "https://k8s.example/hpa",
                "The Horizontal Pod Autoscaler adjusts replicas from CPU utilisation. "
                        + "It checks metrics every 15 seconds by default. Pods without requests cannot scale on CPU.");
        pages.put(
                "https://keda.example/concepts",
                "KEDA is an event-driven autoscaler for Kubernetes. It scales on "
                        + "queue length, Kafka consumer lag or a cron schedule, and can scale to zero replicas.");
        pages.put(
                "https://blog.example/tips",
                "Kubernetes autoscaling best practices: set resource requests, watch "
                        + "scaling events and test load before production. Track latency and cost together.");
        return pages;
    }

    static BookRequest researched(boolean proofread, boolean humanize) {
        return new BookRequest(
                "Kubernetes Autoscaling",
                3,
                2,
                List.of("autoscaling", "keda"),
                Tone.PRACTICAL,
                BookKind.GUIDE,
                true,
                proofread,
                humanize,
                null,
                "en",
                200,
                null);
    }

    @Test
    void aResearchedBookCitesItsSourcesAndEndsWithOneBibliographyNumberedByFirstCitation() {
        FakeResearch research = new FakeResearch(pages());
        OfflineTextModel offline = new OfflineTextModel();
        ScriptedModel model = new ScriptedModel(r -> offline.complete(r).text());
        Book book = new BookPipeline(model, 3, research)
                .write(researched(false, false), null, GenerationListener.NONE, BookCheckpoints.NONE);

        assertThat(research.queries).contains("Kubernetes Autoscaling autoscaling keda");
        assertThat(book.bibliography()).isNotEmpty();
        assertThat(book.bibliography())
                .extracting(Book.Reference::number)
                .containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(
                                1, book.bibliography().size())
                        .boxed()
                        .toList());
        assertThat(book.bibliography()).extracting(Book.Reference::url).doesNotHaveDuplicates();
        Set<Integer> order = new LinkedHashSet<>();
        for (Book.Chapter chapter : book.chapters()) {
            for (Book.Topic topic : chapter.topics()) {
                List<Integer> cited = CitationValidator.cited(topic.content());
                assertThat(cited)
                        .allSatisfy(n ->
                                assertThat(n).isBetween(1, book.bibliography().size()));
                order.addAll(cited);
            }
        }
        assertThat(new ArrayList<>(order))
                .containsExactlyElementsOf(
                        book.bibliography().stream().map(Book.Reference::number).toList());
        assertThat(book.frontMatter().tableOfContents()).endsWith("Bibliography");
        assertThat(book.metadata().sources()).hasSize(3);
        // Every section prompt quoted its passages as data.
        assertThat(model.requests().stream()
                        .filter(r -> r.schema() == null)
                        .map(r -> r.messages().getLast().content()))
                .allSatisfy(prompt -> assertThat(prompt).contains("<sources>"));
    }

    @Test
    void proofreadAndHumanizeEditEachSectionAndKeepTheOriginalWhenARewriteBreaksItsLength() {
        ScriptedModel model = new ScriptedModel(r -> {
            String pass = r.hint("kind", "");
            if (pass.equals("proofread")) {
                return r.hint("original", "") + " Proofread.";
            }
            if (pass.equals("humanize")) {
                return BookScripts.prose(400);
            }
            return good(r, 2, 2);
        });
        BookRequest request = new BookRequest(
                "Kubernetes Autoscaling",
                2,
                2,
                List.of(),
                Tone.PRACTICAL,
                BookKind.GUIDE,
                false,
                true,
                true,
                null,
                "en",
                200,
                null);
        Book book =
                new BookPipeline(model, 2, null).write(request, null, GenerationListener.NONE, BookCheckpoints.NONE);

        assertThat(book.chapters())
                .allSatisfy(c -> c.topics().forEach(t -> assertThat(t.content()).endsWith("Proofread.")));
        assertThat(book.metadata().editing()).hasSize(2);
        assertThat(book.metadata().editing().get(0).name()).isEqualTo("proofread");
        assertThat(book.metadata().editing().get(0).rewritten()).isEqualTo(4);
        assertThat(book.metadata().editing().get(1).name()).isEqualTo("humanize");
        assertThat(book.metadata().editing().get(1).keptOriginal()).isEqualTo(4);
        assertThat(book.metadata().editing().get(1).problems())
                .allSatisfy(p -> assertThat(p).contains("words"));
        assertThat(book.metadata().lengths().offTarget()).isEmpty();
    }
}
