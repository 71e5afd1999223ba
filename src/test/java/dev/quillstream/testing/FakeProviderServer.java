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
 * A model provider on loopback speaking one provider's real wire format, as in the recorded
 * samples: OpenAI Chat Completions (JSON, SSE ending in {@code [DONE]} with a usage chunk),
 * Anthropic Messages (JSON, SSE {@code message_start} ... {@code message_stop}, structured output
 * as a forced {@code tool_use}), Gemini {@code generateContent} / {@code
 * streamGenerateContent?alt=sse} ({@code responseJsonSchema}), Ollama {@code /api/chat} (JSON,
 * NDJSON, {@code format}). It answers with the offline model, honouring the requested schema,
 * checks the provider's key header, records every request, and can be told to fail every call
 * with the provider's recorded overload or server error.
 */
public class FakeProviderServer implements AutoCloseable {

    public enum Wire {
        OPENAI,
        ANTHROPIC,
        GEMINI,
        OLLAMA
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern WORD = Pattern.compile("\\S+\\s*");
    private static final Pattern GEMINI_PATH =
            Pattern.compile("/v1beta/models/([^:]+):(generateContent|streamGenerateContent)");

    private final Wire wire;
    private final HttpServer server;
    private final String apiKey;
    private final OfflineTextModel model = new OfflineTextModel();
    private final List<JsonNode> requests = new CopyOnWriteArrayList<>();
    private volatile boolean failing;

    public FakeProviderServer(Wire wire, String apiKey) throws IOException {
        this.wire = wire;
        this.apiKey = apiKey;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext(
                switch (wire) {
                    case OPENAI -> "/v1/chat/completions";
                    case ANTHROPIC -> "/v1/messages";
                    case GEMINI -> "/v1beta/models/";
                    case OLLAMA -> "/api/chat";
                },
                this::handle);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.start();
    }

    /**
     * What to configure: {@code OPENAI_BASE_URL} (ends in {@code /v1}), {@code ANTHROPIC_BASE_URL},
     * {@code GEMINI_BASE_URL} or {@code OLLAMA_HOST} (the host, as the real providers' are).
     */
    public String baseUrl() {
        String host = "http://127.0.0.1:" + server.getAddress().getPort();
        return wire == Wire.OPENAI ? host + "/v1" : host;
    }

    public List<JsonNode> requests() {
        return List.copyOf(requests);
    }

    /** From now on, every call fails with the provider's overload (or server) error. */
    public void failEveryCall(boolean fail) {
        this.failing = fail;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!authorised(exchange)) {
                send(exchange, 401, "application/json", unauthorised());
                return;
            }
            JsonNode body = JSON.readTree(exchange.getRequestBody());
            if (body.isObject()) {
                ((ObjectNode) body).put("_path", exchange.getRequestURI().toString());
            }
            requests.add(body);
            if (failing) {
                fail(exchange);
                return;
            }
            ModelReply reply = model.complete(toRequest(body));
            switch (wire) {
                case OPENAI -> openAi(exchange, body, reply);
                case ANTHROPIC -> anthropic(exchange, body, reply);
                case GEMINI -> gemini(exchange, body, reply);
                case OLLAMA -> ollama(exchange, body, reply);
            }
        }
    }

    private boolean authorised(HttpExchange exchange) {
        var headers = exchange.getRequestHeaders();
        return switch (wire) {
            case OPENAI -> ("Bearer " + apiKey).equals(headers.getFirst("Authorization"));
            case ANTHROPIC ->
                apiKey.equals(headers.getFirst("x-api-key")) && headers.getFirst("anthropic-version") != null;
            case GEMINI -> apiKey.equals(headers.getFirst("x-goog-api-key"));
            case OLLAMA -> apiKey.isEmpty() || ("Bearer " + apiKey).equals(headers.getFirst("Authorization"));
        };
    }

    private String unauthorised() {
        return switch (wire) {
            case OPENAI -> WireFixtures.text("openai/errors/401.invalid_api_key.json");
            case ANTHROPIC -> WireFixtures.text("anthropic/error.401.authentication_error.json");
            case GEMINI -> WireFixtures.text("gemini/unary-failure-api-key.json");
            case OLLAMA -> "{\"error\":\"unauthorized\"}";
        };
    }

    private void fail(HttpExchange exchange) throws IOException {
        switch (wire) {
            case OPENAI ->
                send(exchange, 500, "application/json", WireFixtures.text("openai/errors/500.server_error.json"));
            case ANTHROPIC ->
                send(exchange, 529, "application/json", WireFixtures.text("anthropic/error.529.overloaded_error.json"));
            case GEMINI ->
                send(exchange, 503, "application/json", WireFixtures.text("gemini/error.503.unavailable.json"));
            case OLLAMA ->
                send(exchange, 500, "application/json", "{\"error\":\"the model failed to generate a response\"}");
        }
    }

    // ---------------------------------------------------------------- reading the request

    private ModelRequest toRequest(JsonNode body) {
        List<ChatMessage> messages = new ArrayList<>();
        ResponseSchema schema = null;
        switch (wire) {
            case OPENAI, OLLAMA -> {
                for (JsonNode message : body.path("messages")) {
                    messages.add(message(message.path("role").asString(), text(message.path("content"))));
                }
                JsonNode openAiSchema = body.path("response_format").path("json_schema");
                if (!openAiSchema.isMissingNode()) {
                    schema = new ResponseSchema(openAiSchema.path("name").asString(), openAiSchema.path("schema"));
                } else if (body.path("format").isObject()) {
                    schema = new ResponseSchema("format", body.path("format"));
                }
            }
            case ANTHROPIC -> {
                String system = text(body.path("system"));
                if (!system.isEmpty()) {
                    messages.add(ChatMessage.system(system));
                }
                for (JsonNode message : body.path("messages")) {
                    messages.add(message(message.path("role").asString(), text(message.path("content"))));
                }
                JsonNode tool = body.path("tools").path(0);
                if (!tool.isMissingNode()
                        && body.path("tool_choice").path("type").asString("").equals("tool")) {
                    schema = new ResponseSchema(tool.path("name").asString(), tool.path("input_schema"));
                }
            }
            case GEMINI -> {
                String system = text(body.path("systemInstruction").path("parts"));
                if (!system.isEmpty()) {
                    messages.add(ChatMessage.system(system));
                }
                for (JsonNode content : body.path("contents")) {
                    messages.add(message(content.path("role").asString(), text(content.path("parts"))));
                }
                JsonNode geminiSchema = body.path("generationConfig").path("responseJsonSchema");
                if (geminiSchema.isObject()) {
                    schema = new ResponseSchema("response", geminiSchema);
                }
            }
        }
        ModelRequest request = ModelRequest.of(ModelTier.SMART, messages).withHints(PromptHints.read(messages));
        return schema == null ? request : request.withSchema(schema);
    }

    private static ChatMessage message(String role, String content) {
        return switch (role) {
            case "system", "developer" -> ChatMessage.system(content);
            case "assistant", "model" -> ChatMessage.assistant(content);
            default -> ChatMessage.user(content);
        };
    }

    /** A string, or the texts of an array of content blocks / parts. */
    private static String text(JsonNode content) {
        if (content.isString()) {
            return content.asString();
        }
        StringBuilder text = new StringBuilder();
        for (JsonNode part : content) {
            text.append(part.path("text").asString(""));
        }
        return text.toString();
    }

    private static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        Matcher matcher = WORD.matcher(text);
        while (matcher.find()) {
            words.add(matcher.group());
        }
        return words;
    }

    // ---------------------------------------------------------------- OpenAI

    private void openAi(HttpExchange exchange, JsonNode body, ModelReply reply) throws IOException {
        String model = body.path("model").asString();
        if (!body.path("stream").asBoolean(false)) {
            ObjectNode response = JSON.createObjectNode()
                    .put("id", "chatcmpl-fake")
                    .put("object", "chat.completion")
                    .put("created", 1741569952)
                    .put("model", model);
            ObjectNode choice = response.putArray("choices").addObject().put("index", 0);
            choice.putObject("message")
                    .put("role", "assistant")
                    .put("content", reply.text())
                    .putNull("refusal");
            choice.put("finish_reason", "stop");
            openAiUsage(response.putObject("usage"), reply);
            send(exchange, 200, "application/json", response.toString());
            return;
        }
        OutputStream out = startStream(exchange, "text/event-stream");
        ObjectNode first = openAiChunk(model);
        ((ObjectNode) first.withArray("choices").get(0))
                .putObject("delta")
                .put("role", "assistant")
                .put("content", "");
        sse(out, null, first);
        for (String word : words(reply.text())) {
            ObjectNode delta = openAiChunk(model);
            ((ObjectNode) delta.withArray("choices").get(0)).putObject("delta").put("content", word);
            sse(out, null, delta);
        }
        ObjectNode finish = openAiChunk(model);
        ((ObjectNode) finish.withArray("choices").get(0)).putObject("delta");
        ((ObjectNode) finish.withArray("choices").get(0)).put("finish_reason", "stop");
        sse(out, null, finish);
        ObjectNode usage = openAiChunk(model);
        usage.putArray("choices");
        openAiUsage(usage.putObject("usage"), reply);
        sse(out, null, usage);
        out.write("data: [DONE]\n\n".getBytes(StandardCharsets.UTF_8));
    }

    private static ObjectNode openAiChunk(String model) {
        ObjectNode chunk = JSON.createObjectNode()
                .put("id", "chatcmpl-fake")
                .put("object", "chat.completion.chunk")
                .put("created", 1727346168)
                .put("model", model);
        ArrayNode choices = chunk.putArray("choices");
        choices.addObject().put("index", 0).putNull("finish_reason");
        return chunk;
    }

    private static void openAiUsage(ObjectNode usage, ModelReply reply) {
        usage.put("prompt_tokens", reply.usage().promptTokens())
                .put("completion_tokens", reply.usage().completionTokens())
                .put("total_tokens", reply.usage().totalTokens());
    }

    // ---------------------------------------------------------------- Anthropic

    private void anthropic(HttpExchange exchange, JsonNode body, ModelReply reply) throws IOException {
        String model = body.path("model").asString();
        boolean tool = body.path("tool_choice").path("type").asString("").equals("tool");
        String toolName = body.path("tool_choice").path("name").asString("");
        if (!body.path("stream").asBoolean(false)) {
            ObjectNode message = anthropicMessage(model, reply);
            ArrayNode content = message.putArray("content");
            if (tool) {
                content.addObject()
                        .put("type", "tool_use")
                        .put("id", "toolu_fake")
                        .put("name", toolName)
                        .set("input", JSON.readTree(reply.text()));
            } else {
                content.addObject().put("type", "text").put("text", reply.text());
            }
            message.put("stop_reason", tool ? "tool_use" : "end_turn").putNull("stop_sequence");
            message.putObject("usage")
                    .put("input_tokens", reply.usage().promptTokens())
                    .put("output_tokens", reply.usage().completionTokens());
            send(exchange, 200, "application/json", message.toString());
            return;
        }
        OutputStream out = startStream(exchange, "text/event-stream");
        ObjectNode start = JSON.createObjectNode().put("type", "message_start");
        ObjectNode message = anthropicMessage(model, reply);
        message.putArray("content");
        message.putNull("stop_reason").putNull("stop_sequence");
        message.putObject("usage")
                .put("input_tokens", reply.usage().promptTokens())
                .put("output_tokens", 1);
        start.set("message", message);
        sse(out, "message_start", start);
        ObjectNode block =
                JSON.createObjectNode().put("type", "content_block_start").put("index", 0);
        if (tool) {
            block.putObject("content_block")
                    .put("type", "tool_use")
                    .put("id", "toolu_fake")
                    .put("name", toolName)
                    .putObject("input");
        } else {
            block.putObject("content_block").put("type", "text").put("text", "");
        }
        sse(out, "content_block_start", block);
        sse(out, "ping", JSON.createObjectNode().put("type", "ping"));
        for (String word : words(reply.text())) {
            ObjectNode delta =
                    JSON.createObjectNode().put("type", "content_block_delta").put("index", 0);
            if (tool) {
                delta.putObject("delta").put("type", "input_json_delta").put("partial_json", word);
            } else {
                delta.putObject("delta").put("type", "text_delta").put("text", word);
            }
            sse(out, "content_block_delta", delta);
        }
        sse(
                out,
                "content_block_stop",
                JSON.createObjectNode().put("type", "content_block_stop").put("index", 0));
        ObjectNode end = JSON.createObjectNode().put("type", "message_delta");
        end.putObject("delta")
                .put("stop_reason", tool ? "tool_use" : "end_turn")
                .putNull("stop_sequence");
        end.putObject("usage").put("output_tokens", reply.usage().completionTokens());
        sse(out, "message_delta", end);
        sse(out, "message_stop", JSON.createObjectNode().put("type", "message_stop"));
    }

    private static ObjectNode anthropicMessage(String model, ModelReply reply) {
        return JSON.createObjectNode()
                .put("id", "msg_fake")
                .put("type", "message")
                .put("role", "assistant")
                .put("model", model);
    }

    // ---------------------------------------------------------------- Gemini

    private void gemini(HttpExchange exchange, JsonNode body, ModelReply reply) throws IOException {
        Matcher path = GEMINI_PATH.matcher(exchange.getRequestURI().getPath());
        if (!path.matches()) {
            send(exchange, 404, "application/json", WireFixtures.text("gemini/unary-failure-unknown-model.json"));
            return;
        }
        String model = path.group(1);
        if (path.group(2).equals("generateContent")) {
            send(
                    exchange,
                    200,
                    "application/json",
                    geminiChunk(model, reply.text(), reply, true).toString());
            return;
        }
        OutputStream out = startStream(exchange, "text/event-stream");
        List<String> words = words(reply.text());
        for (int i = 0; i < words.size(); i++) {
            sse(out, null, geminiChunk(model, words.get(i), reply, i == words.size() - 1));
        }
    }

    private static ObjectNode geminiChunk(String model, String text, ModelReply reply, boolean last) {
        ObjectNode chunk = JSON.createObjectNode();
        ObjectNode candidate = chunk.putArray("candidates").addObject();
        ObjectNode content = candidate.putObject("content");
        content.putArray("parts").addObject().put("text", text);
        content.put("role", "model");
        ObjectNode usage = chunk.putObject("usageMetadata")
                .put("promptTokenCount", reply.usage().promptTokens());
        if (last) {
            candidate.put("finishReason", "STOP");
            usage.put("candidatesTokenCount", reply.usage().completionTokens());
            usage.put("totalTokenCount", reply.usage().totalTokens());
        } else {
            usage.put("totalTokenCount", reply.usage().promptTokens());
        }
        chunk.put("modelVersion", model);
        return chunk;
    }

    // ---------------------------------------------------------------- Ollama

    private void ollama(HttpExchange exchange, JsonNode body, ModelReply reply) throws IOException {
        String model = body.path("model").asString();
        if (!body.path("stream").asBoolean(true)) {
            send(
                    exchange,
                    200,
                    "application/json",
                    ollamaLine(model, reply.text(), reply, true).toString());
            return;
        }
        OutputStream out = startStream(exchange, "application/x-ndjson");
        for (String word : words(reply.text())) {
            line(out, ollamaLine(model, word, reply, false));
        }
        line(out, ollamaLine(model, "", reply, true));
    }

    private static ObjectNode ollamaLine(String model, String text, ModelReply reply, boolean done) {
        ObjectNode line = JSON.createObjectNode().put("model", model).put("created_at", "2025-07-07T20:22:19.184789Z");
        line.putObject("message").put("role", "assistant").put("content", text);
        line.put("done", done);
        if (done) {
            line.put("done_reason", "stop")
                    .put("total_duration", 182242375)
                    .put("load_duration", 41295167)
                    .put("prompt_eval_count", reply.usage().promptTokens())
                    .put("prompt_eval_duration", 24573166)
                    .put("eval_count", reply.usage().completionTokens())
                    .put("eval_duration", 115959084);
        }
        return line;
    }

    // ---------------------------------------------------------------- writing

    private static OutputStream startStream(HttpExchange exchange, String type) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.sendResponseHeaders(200, 0);
        return exchange.getResponseBody();
    }

    private static void sse(OutputStream out, String event, JsonNode data) throws IOException {
        String frame =
                (event == null ? "" : "event: " + event + "\n") + "data: " + JSON.writeValueAsString(data) + "\n\n";
        out.write(frame.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private static void line(OutputStream out, JsonNode data) throws IOException {
        out.write((JSON.writeValueAsString(data) + "\n").getBytes(StandardCharsets.UTF_8));
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

    /** Runs a server on its own, for trying the CLI by hand: {@code <wire> [key]}; prints the base URL. */
    public static void main(String[] args) throws Exception {
        FakeProviderServer server = new FakeProviderServer(
                args.length > 0 ? Wire.valueOf(args[0].toUpperCase(java.util.Locale.ROOT)) : Wire.OPENAI,
                args.length > 1 ? args[1] : "sk-test");
        System.out.println(server.baseUrl());
        Thread.currentThread().join();
    }
}
