package dev.quillstream.llm.offline;

import static dev.quillstream.llm.JsonSchemas.arrayOf;
import static dev.quillstream.llm.JsonSchemas.object;
import static dev.quillstream.llm.JsonSchemas.string;
import static org.assertj.core.api.Assertions.assertThat;

import dev.quillstream.llm.ChatMessage;
import dev.quillstream.llm.ModelReply;
import dev.quillstream.llm.ModelRequest;
import dev.quillstream.llm.ModelTier;
import dev.quillstream.llm.ResponseSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class OfflineTextModelTest {

    private final OfflineTextModel model = new OfflineTextModel();

    private static ModelRequest aboutAutoscaling() {
        return ModelRequest.of(ModelTier.SMART, List.of(ChatMessage.user("Write about autoscaling")))
                .withHints(Map.of("topic", "Kubernetes autoscaling", "keywords", "hpa,keda", "words", "120"));
    }

    @Test
    void sameRequestGivesTheSameDraftMarkedOffline() {
        ModelReply first = model.complete(aboutAutoscaling());
        ModelReply second = model.complete(aboutAutoscaling());
        assertThat(first.text()).isEqualTo(second.text()).contains("hpa").contains("Kubernetes autoscaling");
        assertThat(first.offline()).isTrue();
        assertThat(first.provider()).isEqualTo("offline");
        assertThat(first.text().split("\\s+")).hasSizeGreaterThanOrEqualTo(120);
    }

    @Test
    void streamedDeltasJoinToTheReply() {
        List<String> deltas = new ArrayList<>();
        ModelReply reply = model.stream(aboutAutoscaling(), deltas::add);
        assertThat(deltas).hasSizeGreaterThan(10);
        assertThat(String.join("", deltas)).isEqualTo(reply.text());
    }

    @Test
    void honoursTheSchemaIncludingArrayLengths() {
        var section = object("title", string("heading"), "subtopics", arrayOf(object("title", string("t")), 3, "subs"));
        ResponseSchema schema =
                new ResponseSchema("outline", object("title", string("title"), "sections", arrayOf(section, 6, "s")));
        JsonNode json = JsonMapper.builder()
                .build()
                .readTree(model.complete(aboutAutoscaling().withSchema(schema)).text());
        assertThat(json.path("sections")).hasSize(6);
        json.path("sections").forEach(s -> assertThat(s.path("subtopics")).hasSize(3));
        List<String> titles = new ArrayList<>();
        json.path("sections").forEach(s -> titles.add(s.path("title").asString()));
        assertThat(titles).doesNotHaveDuplicates();
        assertThat(titles.get(1)).contains("Hpa");
    }
}
