package dev.quillstream.llm;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.quillstream.llm.ModelException.MalformedOutput;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/** Reads a structured reply: parse, validate against the schema, bind to a record. */
public final class StructuredOutput {

    /** Snake case, like every schema of this project; unknown properties are a schema violation, caught before binding. */
    private static final JsonMapper JSON = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private static final SchemaRegistry REGISTRY =
            SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    private static final Map<JsonNode, Schema> COMPILED = new ConcurrentHashMap<>();

    private StructuredOutput() {}

    static <T> T read(ModelReply reply, ResponseSchema schema, Class<T> type) {
        JsonNode json = parse(reply.provider(), reply.text());
        List<Error> errors =
                COMPILED.computeIfAbsent(schema.schema(), REGISTRY::getSchema).validate(json);
        if (!errors.isEmpty()) {
            throw new MalformedOutput(
                    reply.provider(),
                    errors.stream().map(Error::toString).limit(10).toList(),
                    reply.text());
        }
        return bind(reply.provider(), json, type, reply.text());
    }

    /**
     * Binds a reply that failed validation as far as its shape allows, for callers that repair
     * what the schema could not enforce (e.g. the number of outline sections).
     *
     * @throws MalformedOutput when the text is not JSON of the type's shape at all
     */
    public static <T> T bindLeniently(MalformedOutput failure, Class<T> type) {
        return bind(failure.provider(), parse(failure.provider(), failure.rawText()), type, failure.rawText());
    }

    private static JsonNode parse(String provider, String text) {
        try {
            return JSON.readTree(stripFences(text));
        } catch (JacksonException e) {
            throw new MalformedOutput(provider, List.of("not JSON: " + e.getOriginalMessage()), text);
        }
    }

    private static <T> T bind(String provider, JsonNode json, Class<T> type, String text) {
        try {
            return JSON.treeToValue(json, type);
        } catch (JacksonException e) {
            throw new MalformedOutput(provider, List.of(e.getOriginalMessage()), text);
        }
    }

    /** Some models wrap JSON in a Markdown code fence even when asked not to. */
    private static String stripFences(String text) {
        String trimmed = text.strip();
        if (trimmed.startsWith("```")) {
            int firstNewline = trimmed.indexOf('\n');
            int lastFence = trimmed.lastIndexOf("```");
            if (firstNewline > 0 && lastFence > firstNewline) {
                return trimmed.substring(firstNewline + 1, lastFence);
            }
        }
        return trimmed;
    }
}
