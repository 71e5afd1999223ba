package dev.quillstream.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.quillstream.llm.ChatMessage;
import dev.quillstream.llm.ModelReply;
import dev.quillstream.llm.ModelRequest;
import dev.quillstream.llm.ModelTier;
import dev.quillstream.llm.ResponseSchema;
import dev.quillstream.llm.offline.OfflineTextModel;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * An OpenAI-compatible server on loopback, as vLLM or LM Studio would be: it speaks the Chat
 * Completions wire format of the recorded samples (JSON, or SSE chunks ending in {@code data:
 * [DONE]} with a usage chunk) and answers with the offline model, honouring {@code
 * response_format.json_schema}. It records every request, so tests can check who was asked what.
 */
public final class FakeOpenAiServer implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern WORD = Pattern.compile("\\S+\\s*");

    private final HttpServer server;
    private final String apiKey;
    private final OfflineTextModel model = new OfflineTextModel();
    private final List<JsonNode> requests = new CopyOnWriteArrayList<>();

    public FakeOpenAiServer(String apiKey) throws IOException {
        this.apiKey = apiKey;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/v1/chat/completions", this::handle);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.start();
    }

    /** The base URL to configure, ending before {@code /chat/completions}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    public List<JsonNode> requests() {
        return List.copyOf(requests);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!("Bearer " + apiKey).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                send(exchange, 401, "application/json", WireFixtures.text("openai/errors/401.invalid_api_key.json"));
                return;
            }
            JsonNode body = JSON.readTree(exchange.getRequestBody());
            requests.add(body);
            ModelReply reply = model.complete(toRequest(body));
            if (body.path("stream").asBoolean(false)) {
                stream(exchange, body, reply);
            } else {
                send(exchange, 200, "application/json", JSON.writeValueAsString(completion(body, reply)));
            }
        }
    }

    private static ModelRequest toRequest(JsonNode body) {
        List<ChatMessage> messages = new ArrayList<>();
        for (JsonNode message : body.path("messages")) {
            String content = message.path("content").asString("");
            messages.add(
                    switch (message.path("role").asString()) {
                        case "system", "developer" -> ChatMessage.system(content);
                        case "assistant" -> ChatMessage.assistant(content);
                        default -> ChatMessage.user(content);
                    });
        }
        ModelRequest request = ModelRequest.of(ModelTier.SMART, messages);
        JsonNode schema = body.path("response_format").path("json_schema");
        if (!schema.isMissingNode()) {
            request = request.withSchema(new ResponseSchema(schema.path("name").asString(), schema.path("schema")));
        }
        return request;
    }

    private static ObjectNode completion(JsonNode body, ModelReply reply) {
        ObjectNode response = JSON.createObjectNode()
                .put("id", "chatcmpl-fake")
                .put("object", "chat.completion")
                .put("created", 1741569952)
                .put("model", body.path("model").asString());
        ObjectNode choice = response.putArray("choices").addObject().put("index", 0);
        choice.putObject("message")
                .put("role", "assistant")
                .put("content", reply.text())
                .putNull("refusal");
        choice.put("finish_reason", "stop");
        usage(response.putObject("usage"), reply);
        return response;
    }

    private static void stream(HttpExchange exchange, JsonNode body, ModelReply reply) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
        exchange.sendResponseHeaders(200, 0);
        OutputStream out = exchange.getResponseBody();
        ObjectNode first = chunk(body);
        ((ObjectNode) first.withArray("choices").get(0))
                .putObject("delta")
                .put("role", "assistant")
                .put("content", "");
        event(out, first);
        Matcher words = WORD.matcher(reply.text());
        while (words.find()) {
            ObjectNode delta = chunk(body);
            ((ObjectNode) delta.withArray("choices").get(0)).putObject("delta").put("content", words.group());
            event(out, delta);
        }
        ObjectNode finish = chunk(body);
        ((ObjectNode) finish.withArray("choices").get(0)).putObject("delta");
        ((ObjectNode) finish.withArray("choices").get(0)).put("finish_reason", "stop");
        event(out, finish);
        ObjectNode usage = chunk(body);
        usage.putArray("choices");
        usage(usage.putObject("usage"), reply);
        event(out, usage);
        out.write("data: [DONE]\n\n".getBytes(StandardCharsets.UTF_8));
    }

    private static ObjectNode chunk(JsonNode body) {
        ObjectNode chunk = JSON.createObjectNode()
                .put("id", "chatcmpl-fake")
                .put("object", "chat.completion.chunk")
                .put("created", 1727346168)
                .put("model", body.path("model").asString());
        ArrayNode choices = chunk.putArray("choices");
        choices.addObject().put("index", 0).putNull("finish_reason");
        return chunk;
    }

    private static void usage(ObjectNode usage, ModelReply reply) {
        usage.put("prompt_tokens", reply.usage().promptTokens())
                .put("completion_tokens", reply.usage().completionTokens())
                .put("total_tokens", reply.usage().totalTokens());
    }

    private static void event(OutputStream out, JsonNode data) throws IOException {
        out.write(("data: " + JSON.writeValueAsString(data) + "\n\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    /** Runs the server on its own, for trying the CLI by hand: prints the base URL. */
    public static void main(String[] args) throws Exception {
        FakeOpenAiServer server = new FakeOpenAiServer(args.length > 0 ? args[0] : "sk-test");
        System.out.println(server.baseUrl());
        Thread.currentThread().join();
    }
}
