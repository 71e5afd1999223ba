package dev.quillstream.generation.book;

import static dev.quillstream.generation.book.BookScripts.asked;
import static dev.quillstream.generation.book.BookScripts.good;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quillstream.content.Book;
import dev.quillstream.generation.BookCheckpoints;
import dev.quillstream.generation.BookKind;
import dev.quillstream.generation.BookRequest;
import dev.quillstream.generation.GenerationCancelled;
import dev.quillstream.generation.GenerationListener;
import dev.quillstream.llm.offline.OfflineTextModel;
import dev.quillstream.testing.ScriptedModel;
import java.util.List;
import org.junit.jupiter.api.Test;

class BookPipelineTest {

    static BookRequest request(int chapters, int sections) {
        return BookRequest.of(
                "Practical Kubernetes", chapters, sections, List.of("autoscaling", "keda"), BookKind.GUIDE);
    }

    static Book write(ScriptedModel model, BookRequest request) {
        return new BookPipeline(model, 3, null).write(request, null, GenerationListener.NONE, BookCheckpoints.NONE);
    }

    @Test
    void anOfflineBookHasExactlyTheRequestedStructureAndSectionsOfTheRightLength() {
        BookRequest request = new BookRequest(
                "Practical Kubernetes",
                4,
                3,
                List.of("autoscaling", "keda"),
                null,
                BookKind.TEXTBOOK,
                false,
                false,
                false,
                null,
                "en",
                300,
                null);
        Book book = BookPipeline.of(new OfflineTextModel(), 4)
                .write(request, null, GenerationListener.NONE, BookCheckpoints.NONE);

        assertThat(book.chapters())
                .hasSize(4)
                .allSatisfy(c -> assertThat(c.topics()).hasSize(3));
        assertThat(book.chapters()).extracting(Book.Chapter::number).containsExactly(1, 2, 3, 4);
        assertThat(book.chapters()).allSatisfy(c -> {
            assertThat(c.summary()).isNotBlank();
            c.topics().forEach(t -> assertThat(t.words()).isBetween(255, 345));
        });
        assertThat(book.metadata().lengths().offTarget()).isEmpty();
        assertThat(book.metadata().lengths().withinTarget()).isEqualTo(12);
        assertThat(book.metadata().offline()).isTrue();
        assertThat(book.bible())
                .isNotEmpty()
                .allSatisfy(e -> assertThat(e.chapter()).isBetween(1, 4));
        assertThat(book.frontMatter().tableOfContents())
                .contains(book.chapters().get(3).title())
                .contains(book.chapters().get(2).topics().get(1).title());
        assertThat(book.frontMatter().titlePage())
                .startsWith("# Practical Kubernetes")
                .contains("offline draft");
        assertThat(book.kind()).isEqualTo("textbook");
        assertThat(book.metadata().timingsMs()).containsKeys("plan", "outlines", "chapters", "assemble", "validate");
    }

    @Test
    void theUsersOutlineTitlesWinAndChaptersWithoutSectionsArePlannedByTheModel() {
        ScriptedModel model = new ScriptedModel(good(3, 2));
        BookRequest request = request(3, 2)
                .withOutline(List.of(
                        new BookRequest.OutlineChapter(
                                "Mine One",
                                "start gently",
                                List.of(
                                        new BookRequest.OutlineSection("A", "", 0),
                                        new BookRequest.OutlineSection("B", "b notes", 400))),
                        new BookRequest.OutlineChapter("Mine Two", "", List.of()),
                        new BookRequest.OutlineChapter("Mine Three", "", List.of())));
        Book book = write(model, request);

        assertThat(book.chapters())
                .extracting(Book.Chapter::title)
                .containsExactly("Mine One", "Mine Two", "Mine Three");
        assertThat(book.chapters().getFirst().topics())
                .extracting(Book.Topic::title)
                .containsExactly("A", "B");
        assertThat(book.chapters().getFirst().topics().get(1).targetWords()).isEqualTo(400);
        assertThat(book.chapters().get(1).topics())
                .extracting(Book.Topic::title)
                .containsExactly("Mine Two-S1", "Mine Two-S2");
        // Only the chapters without sections were outlined by the model.
        assertThat(asked(model.requests()))
                .filteredOn("chapter_outline"::equals)
                .hasSize(2);
        assertThat(model.requests().getFirst().messages().getLast().content()).contains("1. Mine One — start gently");
    }

    @Test
    void tooFewChaptersAreReaskedThenCompletedAndTooManyAreCut() {
        ScriptedModel few =
                new ScriptedModel(r -> r.schema() != null && r.schema().name().equals("book_plan")
                        ? BookScripts.planJson(2)
                        : r.schema() != null && r.schema().name().equals("more_chapters")
                                ? BookScripts.chaptersJson("Extra", 2)
                                : good(r, 4, 2));
        Book completed = write(few, request(4, 2));
        assertThat(completed.chapters())
                .extracting(Book.Chapter::title)
                .containsExactly("C1", "C2", "Extra1", "Extra2");
        assertThat(asked(few.requests())).startsWith("book_plan", "book_plan", "book_plan", "more_chapters");

        ScriptedModel many = new ScriptedModel(r ->
                r.schema() != null && r.schema().name().equals("book_plan") ? BookScripts.planJson(7) : good(r, 4, 2));
        Book cut = write(many, request(4, 2));
        assertThat(cut.chapters()).extracting(Book.Chapter::title).containsExactly("C1", "C2", "C3", "C4");
    }

    @Test
    void tooFewOrTooManySectionsAreRepairedToTheExactCount() {
        ScriptedModel model = new ScriptedModel(r -> {
            if (r.schema() != null && r.schema().name().equals("chapter_outline")) {
                String chapter = r.hint("topic", "");
                boolean repair = r.messages().getLast().content().contains("more sections");
                if (repair) {
                    return BookScripts.sectionsJson(chapter + "-More", 2);
                }
                return BookScripts.sectionsJson(chapter + "-S", chapter.equals("C1") ? 1 : 6);
            }
            return good(r, 2, 3);
        });
        Book book = write(model, request(2, 3));
        assertThat(book.chapters().get(0).topics())
                .extracting(Book.Topic::title)
                .containsExactly("C1-S1", "C1-More1", "C1-More2");
        assertThat(book.chapters().get(1).topics())
                .extracting(Book.Topic::title)
                .containsExactly("C2-S1", "C2-S2", "C2-S3");
    }

    @Test
    void aSectionOffItsTargetIsAskedToResizeAndWhatStaysOffIsReported() {
        ScriptedModel model = new ScriptedModel(r -> {
            if (r.schema() == null && r.hint("subject", "").equals("C1-S1")) {
                boolean resize = r.messages().getLast().content().contains("it must have about");
                return BookScripts.prose(resize ? 690 : 120);
            }
            if (r.schema() == null && r.hint("subject", "").equals("C1-S2")) {
                return BookScripts.prose(400);
            }
            return good(r, 1, 3);
        });
        Book book = write(model, request(1, 3));
        assertThat(book.chapters().getFirst().topics().get(0).words()).isEqualTo(690);
        assertThat(book.chapters().getFirst().topics().get(1).words()).isEqualTo(400);
        assertThat(book.metadata().lengths().offTarget()).singleElement().satisfies(off -> {
            assertThat(off.chapter()).isEqualTo(1);
            assertThat(off.section()).isEqualTo(2);
        });
        assertThat(asked(model.requests())).filteredOn("prose:C1-S1"::equals).hasSize(2);
        assertThat(asked(model.requests())).filteredOn("prose:C1-S2"::equals).hasSize(1 + SectionWriter.RESIZES);
        String resize = model.requests().stream()
                .filter(r -> r.schema() == null && r.hint("subject", "").equals("C1-S2"))
                .skip(1)
                .findFirst()
                .orElseThrow()
                .messages()
                .getLast()
                .content();
        assertThat(resize).contains("Expand it to about 700 words").contains("595 to 805");
    }

    @Test
    void eachSectionIsGivenThePlanItsChapterOutlineTheBibleAndEarlierSummaries() {
        ScriptedModel model = new ScriptedModel(good(2, 2));
        write(model, request(2, 2));
        String prompt = model.requests().stream()
                .filter(r -> r.schema() == null && r.hint("subject", "").equals("C2-S2"))
                .findFirst()
                .orElseThrow()
                .messages()
                .getLast()
                .content();
        assertThat(prompt)
                .contains("Premise: A premise.")
                .contains("1. C1 — About C1.")
                .contains("Chapter 1, C1: What C1 said.")
                .contains("- Term of C1 (term, chapter 1): Defined in C1.")
                .contains("1. C2-S1 — Cover C2-S1.")
                .contains("Write the section \"C2-S2\" of chapter 2, in about 700 words");
    }

    @Test
    void aCancelledBookStopsAtItsNextModelCall() {
        BookScripts.MemoryCheckpoints checkpoints = new BookScripts.MemoryCheckpoints();
        // The check runs before each call and again after it (an answer that arrives after a cancel is dropped).
        checkpoints.cancelAfter = 10;
        ScriptedModel model = new ScriptedModel(good(3, 2));
        assertThatThrownBy(() -> new BookPipeline(model, 1, null)
                        .write(request(3, 2), null, GenerationListener.NONE, checkpoints))
                .isInstanceOf(GenerationCancelled.class);
        assertThat(model.requests()).hasSizeBetween(5, 6);
        assertThat(checkpoints.state).isNotNull();
    }
}
