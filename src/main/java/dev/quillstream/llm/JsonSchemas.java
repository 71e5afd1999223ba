package dev.quillstream.llm;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Builds JSON Schemas in the subset every provider's structured output accepts: objects list all
 * their properties as required and forbid others (OpenAI strict mode), arrays may fix their length.
 */
public final class JsonSchemas {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private JsonSchemas() {}

    public static ObjectNode string(String description) {
        return NODES.objectNode().put("type", "string").put("description", description);
    }

    public static ObjectNode arrayOf(ObjectNode items, int exactly, String description) {
        return arrayOf(items, exactly, exactly, description);
    }

    public static ObjectNode arrayOf(ObjectNode items, int min, int max, String description) {
        ObjectNode array = NODES.objectNode().put("type", "array").put("description", description);
        array.set("items", items);
        array.put("minItems", min);
        array.put("maxItems", max);
        return array;
    }

    /** An object whose every property is required: pass name, schema, name, schema... */
    public static ObjectNode object(Object... namesAndSchemas) {
        if (namesAndSchemas.length % 2 != 0) {
            throw new IllegalArgumentException("pass property names and schemas in pairs");
        }
        ObjectNode properties = NODES.objectNode();
        ArrayNode required = NODES.arrayNode();
        for (int i = 0; i < namesAndSchemas.length; i += 2) {
            String name = (String) namesAndSchemas[i];
            properties.set(name, (ObjectNode) namesAndSchemas[i + 1]);
            required.add(name);
        }
        ObjectNode object = NODES.objectNode().put("type", "object");
        object.set("properties", properties);
        object.set("required", required);
        object.put("additionalProperties", false);
        return object;
    }
}
