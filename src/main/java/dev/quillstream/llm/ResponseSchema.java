package dev.quillstream.llm;

import java.util.Objects;
import tools.jackson.databind.JsonNode;

/**
 * A JSON Schema (draft 2020-12 subset that OpenAI strict mode accepts: every property required,
 * no additional properties) the reply must conform to. Adapters pass it to the provider's native
 * structured-output mechanism; {@link StructuredOutput} validates the reply against it again.
 */
public record ResponseSchema(String name, JsonNode schema) {

    public ResponseSchema {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(schema, "schema");
        if (!name.matches("[a-zA-Z0-9_-]{1,64}")) {
            throw new IllegalArgumentException("schema name must match [a-zA-Z0-9_-]{1,64}: " + name);
        }
    }
}
