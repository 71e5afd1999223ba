package dev.quillstream.cli;

import dev.quillstream.export.ExportDocument;
import dev.quillstream.export.ExportFormat;
import dev.quillstream.export.Renderers;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code export}: renders a document to Markdown, HTML, DOCX, PDF or EPUB. The document comes from
 * a JSON file (as {@code blog --json} writes it, or as {@code GET /api/v1/contents/{id}} returns it)
 * or, by id, from a running server ({@code --server}, key in {@code QUILLSTREAM_API_KEY}): the CLI
 * opens no database, because a server on the embedded database owns its files.
 */
@Command(
        name = "export",
        mixinStandardHelpOptions = true,
        description = "Export a post or book to markdown, html, docx, pdf or epub.")
final class ExportCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @ArgGroup(multiplicity = "1")
    Source source;

    static final class Source {
        @Option(names = "--in", description = "A document as JSON (from 'blog --json' or GET /api/v1/contents/{id}).")
        @Nullable
        Path in;

        @Option(names = "--content-id", description = "A stored document's id, read from the server (--server).")
        @Nullable
        String contentId;
    }

    @Option(
            names = "--server",
            defaultValue = "http://localhost:8080",
            description = "The server that holds --content-id (default: ${DEFAULT-VALUE}); its API key comes from"
                    + " QUILLSTREAM_API_KEY.")
    String server;

    @Option(names = "--format", required = true, description = "markdown, html, docx, pdf or epub.")
    String format;

    @Option(names = "--out", description = "The file to write (default: <slug>.<extension> in this folder).")
    @Nullable
    Path out;

    @Override
    public Integer call() throws IOException, InterruptedException {
        var err = spec.commandLine().getErr();
        Optional<ExportFormat> chosen = ExportFormat.parse(format);
        if (chosen.isEmpty()) {
            err.println("quillstream: --format: must be one of " + ExportFormat.known());
            return QuillstreamCli.BAD_INPUT;
        }
        try (ConfigurableApplicationContext context = CliContext.start()) {
            JsonMapper json = context.getBean(JsonMapper.class);
            JsonNode stored;
            if (source.in != null) {
                if (!Files.isRegularFile(source.in)) {
                    err.println("quillstream: --in: no such file " + source.in);
                    return QuillstreamCli.BAD_INPUT;
                }
                try {
                    stored = json.readTree(Files.readString(source.in));
                } catch (JacksonException e) {
                    err.println("quillstream: --in: not JSON: " + e.getOriginalMessage());
                    return QuillstreamCli.BAD_INPUT;
                }
            } else {
                Fetched fetched = fetch(json);
                if (fetched.problem() != null) {
                    err.println("quillstream: " + fetched.problem());
                    return fetched.exit();
                }
                stored = fetched.document();
            }
            Optional<ExportDocument> document = context.getBean(Renderers.class).document(stored);
            if (document.isEmpty()) {
                err.println("quillstream: the document is neither a blog post nor another known kind of content");
                return QuillstreamCli.BAD_INPUT;
            }
            byte[] bytes = context.getBean(Renderers.class).render(document.get(), chosen.get());
            Path target = out != null
                    ? out
                    : Path.of(document.get().slug() + "." + chosen.get().extension());
            Path parent = target.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.write(target, bytes);
            err.println("Wrote " + target + " (" + chosen.get().id() + ", " + bytes.length + " bytes)");
        }
        return 0;
    }

    private record Fetched(
            @Nullable JsonNode document, @Nullable String problem, int exit) {}

    private Fetched fetch(JsonMapper json) throws IOException, InterruptedException {
        String key = System.getenv("QUILLSTREAM_API_KEY");
        if (key == null || key.isBlank()) {
            return new Fetched(null, "--content-id: set QUILLSTREAM_API_KEY to the server's API key", 2);
        }
        if (!source.contentId.matches("[0-9a-fA-F-]{36}")) {
            return new Fetched(null, "--content-id: not a content id: " + source.contentId, 2);
        }
        URI uri = URI.create(server.replaceAll("/+$", "") + "/api/v1/contents/" + source.contentId);
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        HttpResponse<String> response;
        try {
            response = http.send(
                    HttpRequest.newBuilder(uri)
                            .header("Authorization", "Bearer " + key)
                            .timeout(Duration.ofSeconds(60))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            return new Fetched(
                    null, "cannot reach " + server + ": " + e.getClass().getSimpleName(), 1);
        }
        return switch (response.statusCode()) {
            case 200 -> new Fetched(json.readTree(response.body()), null, 0);
            case 401 -> new Fetched(null, "the server refused QUILLSTREAM_API_KEY", 2);
            case 404 -> new Fetched(null, "--content-id: no content " + source.contentId + " for this key", 2);
            default -> new Fetched(null, server + " answered " + response.statusCode(), 1);
        };
    }
}
