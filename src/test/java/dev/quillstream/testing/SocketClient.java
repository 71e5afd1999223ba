package dev.quillstream.testing;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A WebSocket client of {@code /ws/conversation/{id}} that keeps every frame it receives, as a browser would. */
public final class SocketClient implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final BlockingQueue<JsonNode> frames = new LinkedBlockingQueue<>();
    private final List<JsonNode> received = new ArrayList<>();
    private final WebSocket socket;
    private volatile boolean closed;

    private SocketClient(URI uri, @org.jspecify.annotations.Nullable String key, boolean keyAsSubprotocol) {
        WebSocket.Builder builder = HttpClient.newHttpClient().newWebSocketBuilder();
        if (key == null) {
            builder.subprotocols("quillstream"); // credentials in the URL (a ticket)
        } else if (keyAsSubprotocol) {
            builder.subprotocols("quillstream", key);
        } else {
            builder.header("Authorization", "Bearer " + key);
        }
        this.socket = builder.buildAsync(uri, new WebSocket.Listener() {
                    private final StringBuilder partial = new StringBuilder();

                    @Override
                    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                        partial.append(data);
                        if (last) {
                            frames.add(JSON.readTree(partial.toString()));
                            partial.setLength(0);
                        }
                        webSocket.request(1);
                        return null;
                    }

                    @Override
                    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
                        closed = true;
                        return null;
                    }
                })
                .join();
    }

    public static SocketClient connect(String baseWsUrl, String conversation, long after, String key) {
        return new SocketClient(
                URI.create(baseWsUrl + "/ws/conversation/" + conversation + "?after=" + after), key, false);
    }

    /** With a ticket from {@code POST /api/v1/ws-tickets} instead of the key. */
    public static SocketClient connectWithTicket(String baseWsUrl, String conversation, String ticket) {
        return new SocketClient(
                URI.create(baseWsUrl + "/ws/conversation/" + conversation + "?ticket=" + ticket), null, false);
    }

    public static SocketClient connectWithSubprotocol(String baseWsUrl, String conversation, String key) {
        return new SocketClient(URI.create(baseWsUrl + "/ws/conversation/" + conversation), key, true);
    }

    public void send(String json) {
        socket.sendText(json, true).join();
    }

    /** Frames received until one matches {@code until} (included), waiting at most {@code timeout}. */
    public List<JsonNode> until(Predicate<JsonNode> until, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            JsonNode frame = frames.poll(Math.max(0, left), TimeUnit.NANOSECONDS);
            if (frame == null) {
                throw new AssertionError("no matching frame within " + timeout + "; received " + received.size()
                        + " frames, last: " + (received.isEmpty() ? "none" : received.getLast()));
            }
            received.add(frame);
            if (until.test(frame)) {
                return List.copyOf(received);
            }
        }
    }

    /** Frames that arrive within {@code quiet} of each other, after those already taken. */
    public List<JsonNode> drain(Duration quiet) throws InterruptedException {
        while (true) {
            JsonNode frame = frames.poll(quiet.toMillis(), TimeUnit.MILLISECONDS);
            if (frame == null) {
                return List.copyOf(received);
            }
            received.add(frame);
        }
    }

    public boolean closed() {
        return closed;
    }

    @Override
    public void close() {
        socket.abort();
    }

    public static boolean is(JsonNode frame, String type) {
        return type.equals(frame.path("type").asString());
    }
}
