package dev.quillstream.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quillstream.testing.FakeProviderServer;
import dev.quillstream.testing.FakeProviderServer.Wire;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;

/**
 * The same blog request through each provider, setting only that provider's variables, with the
 * packaged jar as a user runs it, against a loopback server speaking the provider's wire format.
 */
class ProvidersCliIT {

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(Wire.class)
    void theSamePostIsWrittenThroughEachProviderGivenOnlyItsVariables(Wire wire) throws Exception {
        String key = wire == Wire.OLLAMA ? "" : "key-" + wire.name().toLowerCase();
        try (FakeProviderServer server = new FakeProviderServer(wire, key)) {
            Path out = dir.resolve("post.md");
            PackagedJar.Run run = PackagedJar.run(
                    dir,
                    variables(wire, server.baseUrl(), key),
                    "blog",
                    "--topic",
                    "Kubernetes autoscaling",
                    "--keyword",
                    "hpa",
                    "--keyword",
                    "keda",
                    "--tone",
                    "practical",
                    "--out",
                    out.toString());

            assertThat(run.exit()).as(run.stderr()).isZero();
            String provider = wire.name().toLowerCase();
            String markdown = Files.readString(out);
            assertThat(markdown).doesNotContain("draft: true").contains("generator: \"Quillstream (" + provider);
            assertThat(Pattern.compile("^## ", Pattern.MULTILINE)
                            .matcher(markdown)
                            .results()
                            .count())
                    .isGreaterThanOrEqualTo(8);
            List<JsonNode> requests = server.requests();
            assertThat(requests).as("outline, 5 x 2 subtopics, framing, SEO").hasSize(13);
            assertThat(requests.stream().filter(r -> usedNativeStructuredOutput(wire, r)))
                    .as("outline, framing and SEO asked for the provider's structured output")
                    .hasSize(3);
            assertThat(run.stderr()).contains("[7/7] seo-review done").contains("usage: 13 model calls");
        }
    }

    private static Map<String, String> variables(Wire wire, String baseUrl, String key) {
        return switch (wire) {
            case OPENAI -> Map.of("OPENAI_API_KEY", key, "OPENAI_BASE_URL", baseUrl);
            case ANTHROPIC -> Map.of("ANTHROPIC_API_KEY", key, "ANTHROPIC_BASE_URL", baseUrl);
            case GEMINI -> Map.of("GEMINI_API_KEY", key, "GEMINI_BASE_URL", baseUrl);
            case OLLAMA -> Map.of("OLLAMA_HOST", baseUrl);
        };
    }

    private static boolean usedNativeStructuredOutput(Wire wire, JsonNode request) {
        return switch (wire) {
            case OPENAI ->
                request.path("response_format").path("type").asString("").equals("json_schema");
            case ANTHROPIC ->
                request.path("tool_choice").path("type").asString("").equals("tool");
            case GEMINI ->
                request.path("generationConfig").path("responseJsonSchema").isObject();
            case OLLAMA -> request.path("format").isObject();
        };
    }
}
