package dev.quillstream.generation.book;

import static dev.quillstream.generation.book.BookScripts.asked;
import static dev.quillstream.generation.book.BookScripts.good;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quillstream.content.Book;
import dev.quillstream.generation.BookKind;
import dev.quillstream.generation.BookRequest;
import dev.quillstream.generation.GenerationListener;
import dev.quillstream.llm.offline.OfflineTextModel;
import dev.quillstream.testing.ScriptedModel;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class BookResumeAndRevisionTest {

    static final BookRequest REQUEST =
            BookRequest.of("Practical Kubernetes", 4, 3, List.of("autoscaling"), BookKind.GUIDE);

    @Test
    void aRunResumedAfterACrashWritesOnlyTheSectionsItsCheckpointLacks() {
        BookScripts.MemoryCheckpoints checkpoints = new BookScripts.MemoryCheckpoints();
        AtomicInteger prose = new AtomicInteger();
        ScriptedModel crashing = new ScriptedModel(r -> {
            if (r.schema() == null && prose.incrementAndGet() == 7) {
                throw new IllegalStateException("the worker died");
            }
            return good(r, 4, 3);
        });
        assertThatThrownBy(() ->
                        new BookPipeline(crashing, 3, null).write(REQUEST, null, GenerationListener.NONE, checkpoints))
                .hasMessageContaining("the worker died");
        Set<String> saved = savedSections(checkpoints.state);
        assertThat(saved).hasSizeGreaterThanOrEqualTo(6);

        ScriptedModel resumed = new ScriptedModel(good(4, 3));
        Book book = new BookPipeline(resumed, 3, null).write(REQUEST, null, GenerationListener.NONE, checkpoints);

        List<String> asked = asked(resumed.requests());
        assertThat(asked).doesNotContain("book_plan", "chapter_outline");
        assertThat(asked).filteredOn(a -> a.startsWith("prose:")).hasSize(12 - saved.size());
        for (String section : saved) {
            assertThat(asked).doesNotContain("prose:" + section);
        }
        assertThat(book.chapters())
                .hasSize(4)
                .allSatisfy(c -> assertThat(c.topics()).hasSize(3));
        assertThat(book.id()).isEqualTo(checkpoints.state.path("id").asString());
    }

    @Test
    void aCheckpointOfAnotherBookIsRefused() {
        BookScripts.MemoryCheckpoints checkpoints = new BookScripts.MemoryCheckpoints();
        new BookPipeline(new ScriptedModel(good(4, 3)), 3, null)
                .write(REQUEST, null, GenerationListener.NONE, checkpoints);
        BookRequest other = BookRequest.of("Another Book", 4, 3, List.of(), BookKind.NOVEL);
        assertThatThrownBy(() -> new BookPipeline(new ScriptedModel(good(4, 3)), 3, null)
                        .write(other, null, GenerationListener.NONE, checkpoints))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("another book");
    }

    /** The section titles (C1-S1...) of the sections a checkpoint holds. */
    static Set<String> savedSections(JsonNode state) {
        Set<String> titles = new HashSet<>();
        state.path("sections").properties().forEach(e -> {
            String[] key = e.getKey().split("\\.");
            titles.add(state.path("outlines")
                    .path(key[0])
                    .get(Integer.parseInt(key[1]))
                    .path("title")
                    .asString());
        });
        return titles;
    }

    @Test
    void regeneratingAChapterLeavesEveryOtherChapterByteIdenticalAndUpdatesLaterSummaries() {
        OfflineTextModel offline = new OfflineTextModel();
        ScriptedModel model = new ScriptedModel(r -> offline.complete(r).text());
        BookPipeline pipeline = new BookPipeline(model, 3, null);
        Book book = pipeline.write(REQUEST, null, GenerationListener.NONE, BookScripts.NONE_CHECKPOINTS);
        int before = model.requests().size();

        Book revised = pipeline.regenerateChapter(book, 2, "Use a story about a bakery.", GenerationListener.NONE);

        List<String> asked =
                asked(model.requests().subList(before, model.requests().size()));
        assertThat(asked).filteredOn(a -> a.startsWith("prose:")).hasSize(3);
        assertThat(asked).filteredOn("chapter_summary"::equals).hasSize(3);
        assertThat(model.requests().subList(before, model.requests().size()).stream()
                        .filter(r -> r.schema() == null)
                        .map(r -> r.messages().getLast().content()))
                .allSatisfy(prompt -> assertThat(prompt).contains("Use a story about a bakery."));
        assertThat(revised.chapters().get(0)).isEqualTo(book.chapters().get(0));
        assertThat(revised.chapters().get(2).topics())
                .isEqualTo(book.chapters().get(2).topics());
        assertThat(revised.chapters().get(3).topics())
                .isEqualTo(book.chapters().get(3).topics());
        assertThat(revised.chapters().get(1).topics())
                .allSatisfy(t -> assertThat(book.chapters().get(1).topics()).doesNotContain(t));
        assertThat(revised.metadata().revisions()).singleElement().satisfies(r -> {
            assertThat(r.chapter()).isEqualTo(2);
            assertThat(r.section()).isNull();
            assertThat(r.instructions()).isEqualTo("Use a story about a bakery.");
        });
        assertThat(revised.bible()).extracting(Book.BibleEntry::chapter).contains(1, 2, 3, 4);
        assertThat(revised.id()).isEqualTo(book.id());
    }

    @Test
    void regeneratingASectionChangesOnlyThatSection() {
        OfflineTextModel offline = new OfflineTextModel();
        ScriptedModel model = new ScriptedModel(r -> offline.complete(r).text());
        BookPipeline pipeline = new BookPipeline(model, 3, null);
        Book book = pipeline.write(REQUEST, null, GenerationListener.NONE, BookScripts.NONE_CHECKPOINTS);
        int before = model.requests().size();

        Book revised = pipeline.regenerateSection(book, 3, 2, "Shorter sentences.", GenerationListener.NONE);

        List<String> asked =
                asked(model.requests().subList(before, model.requests().size()));
        assertThat(asked).filteredOn(a -> a.startsWith("prose:")).hasSize(1);
        assertThat(asked).filteredOn("chapter_summary"::equals).hasSize(2);
        for (int c = 0; c < 4; c++) {
            for (int s = 0; s < 3; s++) {
                Book.Topic old = book.chapters().get(c).topics().get(s);
                Book.Topic now = revised.chapters().get(c).topics().get(s);
                if (c == 2 && s == 1) {
                    assertThat(now.content()).isNotEqualTo(old.content());
                    assertThat(now.title()).isEqualTo(old.title());
                } else {
                    assertThat(now.content()).isEqualTo(old.content());
                }
            }
        }
        assertThat(revised.chapters().get(0).summary())
                .isEqualTo(book.chapters().get(0).summary());
        assertThatThrownBy(() -> pipeline.regenerateSection(book, 3, 4, null, GenerationListener.NONE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("section must be between 1 and 3");
    }
}
