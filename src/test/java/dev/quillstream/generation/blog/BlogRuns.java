package dev.quillstream.generation.blog;

import dev.quillstream.generation.BlogRequest;
import dev.quillstream.generation.GenerationListener;
import dev.quillstream.generation.Tone;
import dev.quillstream.llm.TextModel;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Fixtures for the pipeline's step tests. */
final class BlogRuns {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private BlogRuns() {}

    /** A 1500-word request: 5 sections of 2 subtopics, 4 FAQ questions. */
    static BlogRun givenRun(TextModel model) {
        return givenRun(model, GenerationListener.NONE);
    }

    static BlogRun givenRun(TextModel model, GenerationListener listener) {
        return new BlogRun(
                BlogRequest.of("Kubernetes autoscaling", List.of("hpa", "keda"), Tone.PRACTICAL), model, listener, 3);
    }

    static String outlineJson(int sections, int subtopics) {
        return outlineJson("S", sections, subtopics);
    }

    static String outlineJson(String prefix, int sections, int subtopics) {
        ObjectNode outline = JSON.createObjectNode().put("title", "Autoscaling on Kubernetes");
        ArrayNode list = outline.putArray("sections");
        for (int i = 0; i < sections; i++) {
            list.add(section(prefix + (i + 1), subtopics));
        }
        return outline.toString();
    }

    static String sectionsJson(String prefix, int sections, int subtopics) {
        ObjectNode more = JSON.createObjectNode();
        ArrayNode list = more.putArray("sections");
        for (int i = 0; i < sections; i++) {
            list.add(section(prefix + (i + 1), subtopics));
        }
        return more.toString();
    }

    static String subtopicsJson(String prefix, int count) {
        ObjectNode more = JSON.createObjectNode();
        more.set("subtopics", subtopics(prefix, count));
        return more.toString();
    }

    private static ObjectNode section(String title, int subtopics) {
        ObjectNode section = JSON.createObjectNode().put("title", title);
        section.set("subtopics", subtopics(title + ".", subtopics));
        return section;
    }

    private static ArrayNode subtopics(String prefix, int count) {
        ArrayNode list = JSON.createArrayNode();
        for (int j = 0; j < count; j++) {
            ObjectNode subtopic = list.addObject().put("title", prefix + (j + 1));
            subtopic.putArray("key_points").add("first point").add("second point");
        }
        return list;
    }

    /** Which structured outputs were asked for, in order, by schema name ("text" for prose). */
    static List<String> asked(dev.quillstream.testing.ScriptedModel model) {
        List<String> names = new ArrayList<>();
        model.requests()
                .forEach(r -> names.add(r.schema() == null ? "text" : r.schema().name()));
        return names;
    }
}
