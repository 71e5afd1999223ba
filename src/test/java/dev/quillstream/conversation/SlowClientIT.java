package dev.quillstream.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quillstream.QuillstreamApplication;
import dev.quillstream.conversation.events.EventLog;
import dev.quillstream.testing.ApiClient;
import dev.quillstream.testing.SocketClient;
import dev.quillstream.testing.TestDatabase;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * A client that stops reading, on a real socket: its frames pile up in the kernel's buffers and then
 * in the server's queue for it, until the server drops it; a client of the same conversation that
 * reads gets every event meanwhile, in order. In-process the appending thread delivers to both
 * sockets, so a write that blocked on the stalled one would stop the reader too.
 */
@SpringBootTest(
        classes = QuillstreamApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "quillstream.bootstrap-api-key=" + SlowClientIT.KEY,
            "quillstream.websocket.buffer-events=" + SlowClientIT.BUFFER
        })
class SlowClientIT {

    static final String KEY = "qs_test_bootstrap_key_for_slow_client_it";
    static final int BUFFER = 32;
    /** 25.6 MB of frames: more than loopback's socket buffers on both sides hold. */
    static final int EVENTS = 3_200; // a multiple of BUFFER / 2

    static final Duration WAIT = Duration.ofSeconds(60);

    @Autowired
    EventLog events;

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry, "slowclient");
    }

    @Test
    void aClientThatStopsReadingIsDroppedWhileOneThatReadsGetsEveryEvent() throws Exception {
        String conversation = "slow-" + UUID.randomUUID();
        String text = "x".repeat(8_000);
        try (Socket stalled = stalledClient(conversation);
                SocketClient reader = SocketClient.connect("ws://127.0.0.1:" + port, conversation, 0, KEY)) {
            Thread.sleep(300); // both feeds subscribed
            List<JsonNode> received = List.of();
            for (int sent = 0; sent < EVENTS; ) {
                // In steps the reader keeps up with: the limit is per socket, the reader's too.
                for (int i = 0; i < BUFFER / 2; i++, sent++) {
                    events.append(
                            conversation, "{\"type\":\"token\",\"role\":\"assistant\",\"content\":\"" + text + "\"}");
                }
                long through = sent;
                received = reader.until(f -> f.path("seq").asLong() == through, WAIT);
            }

            ConversationSocketIT.assertGapFree(received, 1);
            assertThat(received).hasSize(EVENTS);
            assertThat(reader.closed()).isFalse();
            assertThat(droppedSockets())
                    .as("the stalled client was dropped, the reader was not")
                    .isEqualTo(1);
            assertThat(bytesUntilClosed(stalled))
                    .as("the stalled client got a part of the stream and then its connection ended")
                    .isLessThan((long) EVENTS * text.length());
        }
    }

    /** Opens a socket, completes the handshake, and then reads nothing; its receive buffer is small. */
    private Socket stalledClient(String conversation) throws Exception {
        Socket socket = new Socket();
        socket.setReceiveBufferSize(4096);
        socket.connect(new InetSocketAddress("127.0.0.1", port));
        String key = Base64.getEncoder()
                .encodeToString(UUID.randomUUID().toString().substring(0, 16).getBytes());
        OutputStream out = socket.getOutputStream();
        out.write(("GET /ws/conversation/" + conversation + "?after=0 HTTP/1.1\r\n"
                        + "Host: 127.0.0.1:" + port + "\r\n"
                        + "Upgrade: websocket\r\nConnection: Upgrade\r\n"
                        + "Sec-WebSocket-Key: " + key + "\r\nSec-WebSocket-Version: 13\r\n"
                        + "Authorization: Bearer " + KEY + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.flush();
        InputStream in = socket.getInputStream();
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            assertThat(b).as("handshake answered").isNotNegative();
            head.append((char) b);
        }
        assertThat(head.toString()).startsWith("HTTP/1.1 101");
        return socket;
    }

    private long droppedSockets() throws InterruptedException {
        ApiClient metrics = new ApiClient("http://127.0.0.1:" + port, null);
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            var matcher = java.util.regex.Pattern.compile(
                            "(?m)^quillstream_websocket_dropped_total(?:\\{[^}]*})? ([0-9.]+)")
                    .matcher(metrics.get("/actuator/prometheus").body());
            long dropped = matcher.find() ? (long) Double.parseDouble(matcher.group(1)) : 0;
            if (dropped > 0 || System.nanoTime() > deadline) {
                return dropped;
            }
            Thread.sleep(100);
        }
    }

    /** Reads what the server had sent; fails unless the connection then ends. */
    private static long bytesUntilClosed(Socket socket) throws Exception {
        socket.setSoTimeout((int) WAIT.toMillis());
        InputStream in = socket.getInputStream();
        byte[] buffer = new byte[65_536];
        long total = 0;
        try {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                total += n;
            }
        } catch (SocketTimeoutException e) {
            throw new AssertionError("the stalled client's connection stayed open after " + total + " bytes");
        } catch (java.net.SocketException reset) {
            // dropped without a close handshake: what a client that does not read earns
        }
        return total;
    }
}
