package dev.quillstream.generation.book;

import dev.quillstream.generation.BookCheckpoints;
import dev.quillstream.llm.ModelRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** Scripted answers for the book pipeline's requests, by the schema they ask for, and in-memory checkpoints. */
final class BookScripts {

    private BookScripts() {}

    static String planJson(int chapters) {
        return "{\"premise\":\"A premise.\",\"audience\":\"Engineers.\",\"chapters\":["
                + IntStream.rangeClosed(1, chapters)
                        .mapToObj(i -> "{\"title\":\"C" + i + "\",\"summary\":\"About C" + i + ".\"}")
                        .collect(Collectors.joining(","))
                + "]}";
    }

    static String chaptersJson(String prefix, int count) {
        return "{\"chapters\":["
                + IntStream.rangeClosed(1, count)
                        .mapToObj(i -> "{\"title\":\"" + prefix + i + "\",\"summary\":\"More.\"}")
                        .collect(Collectors.joining(","))
                + "]}";
    }

    static String sectionsJson(String prefix, int count) {
        return "{\"sections\":["
                + IntStream.rangeClosed(1, count)
                        .mapToObj(i -> "{\"title\":\"" + prefix + i + "\",\"notes\":\"Cover " + prefix + i + ".\"}")
                        .collect(Collectors.joining(","))
                + "]}";
    }

    static String summaryJson(String subject) {
        return "{\"summary\":\"What " + subject + " said.\",\"entries\":[{\"name\":\"Term of " + subject
                + "\",\"kind\":\"term\",\"details\":\"Defined in " + subject + ".\"}]}";
    }

    static String prose(int words) {
        return IntStream.range(0, words).mapToObj(i -> "word" + (i % 7)).collect(Collectors.joining(" "));
    }

    /** Answers every request well: the counts asked for, prose of the length asked for. */
    static String good(ModelRequest request, int chapters, int sections) {
        if (request.schema() == null) {
            return prose(Integer.parseInt(request.hint("words", "300")));
        }
        return switch (request.schema().name()) {
            case "book_plan" -> planJson(chapters);
            case "more_chapters" -> chaptersJson("Extra", 1);
            case "chapter_outline" -> sectionsJson(request.hint("topic", "C") + "-S", sections);
            case "chapter_summary" -> summaryJson(request.hint("subject", "?"));
            default -> throw new IllegalStateException(request.schema().name());
        };
    }

    static Function<ModelRequest, String> good(int chapters, int sections) {
        return request -> good(request, chapters, sections);
    }

    /** The schema names and, for prose, the subjects of the requests a model saw. */
    static List<String> asked(List<ModelRequest> requests) {
        List<String> asked = new ArrayList<>();
        for (ModelRequest request : requests) {
            asked.add(
                    request.schema() == null
                            ? "prose:" + request.hint("subject", "?")
                            : request.schema().name());
        }
        return asked;
    }

    static final BookCheckpoints NONE_CHECKPOINTS = BookCheckpoints.NONE;

    /** Checkpoints kept in memory, as a job's would be in its row; cancellable after a number of asks. */
    static final class MemoryCheckpoints implements BookCheckpoints {
        volatile @Nullable JsonNode state;
        final List<String> steps = new java.util.concurrent.CopyOnWriteArrayList<>();
        final AtomicInteger asks = new AtomicInteger();
        volatile int cancelAfter = Integer.MAX_VALUE;

        @Override
        public Optional<JsonNode> saved() {
            return Optional.ofNullable(state);
        }

        @Override
        public void save(String step, int percent, JsonNode saved) {
            steps.add(step);
            state = saved;
        }

        @Override
        public void beforeModelCall() {
            if (asks.incrementAndGet() > cancelAfter) {
                throw new dev.quillstream.generation.GenerationCancelled("cancelled");
            }
        }
    }
}
