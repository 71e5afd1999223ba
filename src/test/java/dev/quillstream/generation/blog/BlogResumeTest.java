package dev.quillstream.generation.blog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quillstream.content.BlogPost;
import dev.quillstream.generation.BlogCheckpoints;
import dev.quillstream.generation.BlogRequest;
import dev.quillstream.generation.GenerationListener;
import dev.quillstream.generation.Tone;
import dev.quillstream.llm.offline.OfflineTextModel;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** A run stopped mid-way (its worker died) resumes from its last checkpoint without asking the model again. */
class BlogResumeTest {

    private static final BlogRequest REQUEST =
            BlogRequest.of("Kubernetes autoscaling", List.of("hpa", "keda"), Tone.PRACTICAL);

    @Test
    void aResumedRunSkipsTheOutlineAndTheSubtopicsAlreadyWritten() {
        AtomicReference<JsonNode> saved = new AtomicReference<>();
        whenTheRunDiesAfterThreeSubtopics(saved);
        Set<String> savedParts = fieldNames(saved.get().path("subtopics"));
        assertThat(savedParts).hasSize(3);

        List<String> started = new CopyOnWriteArrayList<>();
        Set<String> streamed = java.util.concurrent.ConcurrentHashMap.newKeySet();
        BlogPost post = new BlogPipeline(new OfflineTextModel(), 4)
                .write(
                        REQUEST,
                        null,
                        new GenerationListener() {
                            @Override
                            public void stepStarted(String step, int index, int total) {
                                started.add(step);
                            }

                            @Override
                            public void onToken(String step, String part, String delta) {
                                streamed.add(part);
                            }
                        },
                        new BlogCheckpoints() {
                            @Override
                            public Optional<JsonNode> saved() {
                                return Optional.of(saved.get());
                            }
                        });

        assertThat(started).doesNotContain("outline").contains("sections", "framing");
        assertThat(streamed).hasSize(10 - 3);
        for (String key : savedParts) {
            String[] at = key.split("\\.");
            String part = "section " + (Integer.parseInt(at[0]) + 1) + "." + (Integer.parseInt(at[1]) + 1);
            assertThat(streamed).doesNotContain(part);
            assertThat(post.sections()
                            .get(Integer.parseInt(at[0]) + 1)
                            .subtopics()
                            .get(Integer.parseInt(at[1]))
                            .content())
                    .isEqualTo(saved.get().path("subtopics").path(key).asString());
        }
        // Both attempts' calls are in the post's usage: 1 outline + 10 subtopics + framing + SEO, each once.
        assertThat(post.metadata().usage().calls()).isEqualTo(1 + 10 + 1 + 1);
    }

    private static void whenTheRunDiesAfterThreeSubtopics(AtomicReference<JsonNode> saved) {
        AtomicInteger subtopics = new AtomicInteger();
        assertThatThrownBy(() -> new BlogPipeline(new OfflineTextModel(), 1)
                        .write(REQUEST, null, GenerationListener.NONE, new BlogCheckpoints() {
                            @Override
                            public void save(String step, int progress, JsonNode state) {
                                if (step.equals(SectionsStep.NAME) && subtopics.incrementAndGet() > 3) {
                                    throw new IllegalStateException("the worker died");
                                }
                                saved.set(state);
                            }
                        }))
                .hasMessage("the worker died");
    }

    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new java.util.TreeSet<>();
        node.propertyNames().forEach(names::add);
        return names;
    }
}
