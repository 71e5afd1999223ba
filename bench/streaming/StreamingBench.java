import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Streaming benchmark client: M WebSocket subscribers spread over N conversations, then N
 * concurrent generations (async jobs, offline model with simulated latency), one per conversation.
 * Reports throughput, the delay from a token being produced (its event's timestamp, taken on the
 * job's thread right after the model produced it) to a subscriber receiving it, lost and
 * duplicated events per subscriber (every subscriber connects before its job starts, so it must
 * see seq 1..last exactly once), and the server's memory.
 *
 * <p>Usage: java StreamingBench.java <base-url> <api-key> <generations> <subscribers> <server-pid>
 */
public class StreamingBench {

    static final int SOCKETS_PER_CLIENT = 100;

    static final class Subscriber implements WebSocket.Listener {
        final String conversation;
        final CountDownLatch done;
        final StringBuilder partial = new StringBuilder();
        long lastSeq;
        long received;
        long duplicates;
        long outOfOrder;
        long tokens;
        long[] delaysMicros = new long[4096];
        long[] receivedMicros = new long[4096];
        int delays;
        boolean completed;
        String closedEarly;

        Subscriber(String conversation, CountDownLatch done) {
            this.conversation = conversation;
            this.done = done;
        }

        @Override
        public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                frame(partial.toString());
                partial.setLength(0);
            }
            socket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket socket, int status, String reason) {
            ended("closed " + status + " " + reason);
            return null;
        }

        @Override
        public void onError(WebSocket socket, Throwable error) {
            ended(String.valueOf(error));
        }

        /**
         * Counts this subscriber done once: its job ended ({@code closedEarly} null), or its socket
         * did first (why), which must not leave the benchmark waiting.
         */
        synchronized void ended(String closedEarly) {
            if (!completed) {
                completed = true;
                this.closedEarly = closedEarly;
                done.countDown();
            }
        }

        synchronized void frame(String json) {
            Instant now = Instant.now();
            long nowMicros = now.getEpochSecond() * 1_000_000 + now.getNano() / 1000;
            if (json.startsWith("{\"seq\":null")) {
                return; // a connection-level error event
            }
            long seq = Long.parseLong(json.substring(7, json.indexOf(',')));
            received++;
            if (seq <= lastSeq) {
                duplicates++;
                return;
            }
            if (seq != lastSeq + 1) {
                outOfOrder++;
            }
            lastSeq = seq;
            String type = field(json, "type");
            if ("token".equals(type)) {
                tokens++;
                Instant at = Instant.parse(field(json, "timestamp"));
                long produced = at.getEpochSecond() * 1_000_000 + at.getNano() / 1000;
                if (delays == delaysMicros.length) {
                    delaysMicros = Arrays.copyOf(delaysMicros, delays * 2);
                    receivedMicros = Arrays.copyOf(receivedMicros, delays * 2);
                }
                receivedMicros[delays] = nowMicros;
                delaysMicros[delays++] = Math.max(0, nowMicros - produced);
            } else if ("job.completed".equals(type) || "job.failed".equals(type)) {
                ended(null);
            }
        }

        static String field(String json, String name) {
            String key = "\"" + name + "\":\"";
            int start = json.indexOf(key);
            if (start < 0) {
                return "";
            }
            start += key.length();
            int end = start;
            while (end < json.length() && (json.charAt(end) != '"' || json.charAt(end - 1) == '\\')) {
                end++;
            }
            return json.substring(start, end);
        }
    }

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String key = args[1];
        int generations = Integer.parseInt(args[2]);
        int subscribers = Integer.parseInt(args[3]);
        long serverPid = Long.parseLong(args[4]);
        String run = Long.toString(System.currentTimeMillis(), 36);
        HttpClient http = HttpClient.newBuilder().executor(Executors.newVirtualThreadPerTaskExecutor()).build();
        boolean lean = !"jdk".equals(System.getProperty("bench.client", "nio"));
        NioSockets nio = lean ? new NioSockets(2) : null;
        List<HttpClient> socketClients = new ArrayList<>();
        for (int c = 0; !lean && c < Math.max(1, subscribers / SOCKETS_PER_CLIENT); c++) {
            socketClients.add(HttpClient.newBuilder()
                    .executor(Executors.newVirtualThreadPerTaskExecutor())
                    .build());
        }
        CountDownLatch done = new CountDownLatch(subscribers);
        List<Subscriber> subs = new ArrayList<>();
        List<WebSocket> sockets = new ArrayList<>();
        String ws = base.replaceFirst("^http", "ws");
        Semaphore connecting = new Semaphore(50);
        long connectStart = System.nanoTime();
        List<java.util.concurrent.CompletableFuture<WebSocket>> pending = new ArrayList<>();
        for (int i = 0; i < subscribers; i++) {
            String conversation = "bench-" + run + "-" + (i % generations);
            Subscriber sub = new Subscriber(conversation, done);
            subs.add(sub);
            URI uri = URI.create(ws + "/ws/conversation/" + conversation + "?after=0");
            if (lean) {
                nio.connect(uri, key, sub);
                continue;
            }
            connecting.acquire();
            // Several clients, each with its own selector thread, as 1,000 separate readers would be:
            // one JDK client reads all its sockets on one thread, which would queue frames here.
            HttpClient client = socketClients.get(i % socketClients.size());
            pending.add(client.newWebSocketBuilder()
                    .header("Authorization", "Bearer " + key)
                    .buildAsync(uri, sub)
                    .whenComplete((s, e) -> connecting.release()));
        }
        for (var future : pending) {
            sockets.add(future.get(60, TimeUnit.SECONDS));
        }
        System.out.printf("client: %s%n", lean ? "lean NIO reader (2 selector threads)" : "JDK HttpClient WebSocket");
        System.out.printf("connected %d subscribers in %.1f s%n", subscribers, (System.nanoTime() - connectStart) / 1e9);

        AtomicLong peakRss = new AtomicLong();
        Thread sampler = Thread.ofPlatform().daemon().start(() -> {
            while (true) {
                peakRss.accumulateAndGet(rssKb(serverPid), Math::max);
                try {
                    Thread.sleep(500);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });

        long serverCpuStart = cpuMillis(serverPid);
        long clientCpuStart = cpuMillis(ProcessHandle.current().pid());
        long spreadNanos = TimeUnit.MILLISECONDS.toNanos(Long.getLong("bench.spread", 0));
        long start = System.nanoTime();
        List<java.util.concurrent.Future<Void>> submissions = new ArrayList<>();
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int g = 0; g < generations; g++) {
                String conversation = "bench-" + run + "-" + g;
                // Optional spread: the g-th generation is submitted g/N of the way through it.
                long due = start + spreadNanos * g / generations;
                while (System.nanoTime() < due) {
                    Thread.sleep(Math.max(1, (due - System.nanoTime()) / 1_000_000));
                }
                submissions.add(executor.submit(() -> {
                    HttpResponse<String> response = http.send(
                            HttpRequest.newBuilder(URI.create(base + "/api/v1/generate-blog"))
                                    .header("Authorization", "Bearer " + key)
                                    .header("Content-Type", "application/json")
                                    .POST(HttpRequest.BodyPublishers.ofString("{\"topic\":\"Benchmark post " + conversation
                                            + "\",\"keywords\":[\"bench\"],\"target_words\":300,\"cache\":false,"
                                            + "\"async\":true,\"conversation_id\":\"" + conversation + "\"}"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
                    if (response.statusCode() != 202) {
                        throw new IllegalStateException(response.statusCode() + " " + response.body());
                    }
                    return null;
                }));
            }
        }
        for (var submission : submissions) {
            try {
                submission.get();
            } catch (java.util.concurrent.ExecutionException e) {
                // The generation never started: its subscribers would wait for it forever.
                System.err.println("a generation could not be submitted: " + e.getCause());
                System.exit(1);
            }
        }
        long submitted = System.nanoTime();
        boolean finished = done.await(20, TimeUnit.MINUTES);
        long end = System.nanoTime();
        long serverCpu = cpuMillis(serverPid) - serverCpuStart;
        long clientCpu = cpuMillis(ProcessHandle.current().pid()) - clientCpuStart;
        Thread.sleep(1000); // let stragglers arrive: a late duplicate would show
        sampler.interrupt();

        long lost = 0;
        long duplicates = 0;
        long received = 0;
        long tokens = 0;
        long outOfOrder = 0;
        int delays = 0;
        for (Subscriber sub : subs) {
            delays += sub.delays;
        }
        long[] all = new long[delays];
        int at = 0;
        java.util.Map<String, Long> lastSeqs = new java.util.HashMap<>();
        for (Subscriber sub : subs) {
            synchronized (sub) {
                long expected = lastSeqs.computeIfAbsent(sub.conversation, c -> lastSeq(http, base, key, c));
                long distinct = sub.received - sub.duplicates;
                lost += Math.max(0, expected - distinct);
                duplicates += sub.duplicates;
                received += sub.received;
                tokens += sub.tokens;
                outOfOrder += sub.outOfOrder;
                System.arraycopy(sub.delaysMicros, 0, all, at, sub.delays);
                at += sub.delays;
            }
        }
        String trace = System.getProperty("bench.trace", "");
        if (!trace.isEmpty()) {
            writeTrace(subs, Path.of(trace));
        }
        Arrays.sort(all);
        double seconds = (end - start) / 1e9;
        String heap = heapUsedMb(http, base);
        System.out.printf(
                "generations=%d subscribers=%d finished=%s wall=%.1fs (submitting %.1fs, spread %d ms)%n",
                generations, subscribers, finished, seconds, (submitted - start) / 1e9, spreadNanos / 1_000_000);
        System.out.printf(
                "throughput: %.1f generations/min, %.0f events/s delivered (%d events, %d tokens)%n",
                generations / seconds * 60, received / seconds, received, tokens);
        System.out.printf(
                "token produced -> client received: p50=%.1f ms p99=%.1f ms max=%.1f ms (%d samples)%n",
                percentile(all, 0.50) / 1000.0, percentile(all, 0.99) / 1000.0,
                all.length == 0 ? 0 : all[all.length - 1] / 1000.0, all.length);
        System.out.printf("lost=%d duplicated=%d out-of-order=%d%n", lost, duplicates, outOfOrder);
        List<String> early = subs.stream().filter(s -> s.closedEarly != null).map(s -> s.closedEarly).toList();
        if (!early.isEmpty()) {
            System.out.printf("closed before their job ended: %d (first: %s)%n", early.size(), early.getFirst());
        }
        System.out.printf(
                "cpu: server %.1f s (%.0f µs per event delivered), client %.1f s, over %.1f s on %d cores%n",
                serverCpu / 1000.0,
                received == 0 ? 0 : serverCpu * 1000.0 / received,
                clientCpu / 1000.0,
                seconds,
                Runtime.getRuntime().availableProcessors());
        System.out.printf("server memory: peak RSS %d MB, heap used at end %s MB%n", peakRss.get() / 1024, heap);
        for (WebSocket socket : sockets) {
            socket.abort();
        }
        if (nio != null) {
            nio.close();
        }
        System.exit(finished && lost == 0 && duplicates == 0 ? 0 : 1);
    }

    /**
     * A lean WebSocket client for many sockets: the handshake is written and read by hand, then a
     * couple of selector threads read every socket and parse frames in place. The JDK's client
     * spends several times more CPU per frame, and on this two-core machine every cycle the load
     * generator takes is taken from the server it measures.
     */
    static final class NioSockets implements AutoCloseable {
        private final Reader[] readers;
        private int next;

        NioSockets(int threads) throws IOException {
            readers = new Reader[threads];
            for (int i = 0; i < threads; i++) {
                readers[i] = new Reader();
                Thread.ofPlatform().daemon().name("bench-reader-" + i).start(readers[i]);
            }
        }

        void connect(URI uri, String key, Subscriber subscriber) throws IOException {
            SocketChannel channel = SocketChannel.open(new InetSocketAddress(uri.getHost(), uri.getPort()));
            channel.socket().setTcpNoDelay(true);
            byte[] nonce = new byte[16];
            java.util.concurrent.ThreadLocalRandom.current().nextBytes(nonce);
            String request = "GET " + uri.getRawPath() + "?" + uri.getRawQuery() + " HTTP/1.1\r\n"
                    + "Host: " + uri.getHost() + ":" + uri.getPort() + "\r\n"
                    + "Upgrade: websocket\r\nConnection: Upgrade\r\n"
                    + "Sec-WebSocket-Key: " + java.util.Base64.getEncoder().encodeToString(nonce) + "\r\n"
                    + "Sec-WebSocket-Version: 13\r\n"
                    + "Authorization: Bearer " + key + "\r\n\r\n";
            ByteBuffer out = ByteBuffer.wrap(request.getBytes(StandardCharsets.US_ASCII));
            while (out.hasRemaining()) {
                channel.write(out);
            }
            ByteBuffer in = ByteBuffer.allocate(1 << 16);
            int headerEnd;
            while ((headerEnd = headerEnd(in)) < 0) {
                if (channel.read(in) < 0) {
                    throw new IOException("closed during the handshake");
                }
            }
            String head = new String(in.array(), 0, headerEnd, StandardCharsets.US_ASCII);
            if (!head.startsWith("HTTP/1.1 101")) {
                throw new IOException("handshake refused: " + head.lines().findFirst().orElse(""));
            }
            // Frames that came with the response stay in the buffer, after the header.
            in.flip();
            in.position(headerEnd);
            in.compact();
            channel.configureBlocking(false);
            readers[next++ % readers.length].add(new Connection(channel, subscriber, in));
        }

        private static int headerEnd(ByteBuffer in) {
            byte[] b = in.array();
            for (int i = 3; i < in.position(); i++) {
                if (b[i - 3] == '\r' && b[i - 2] == '\n' && b[i - 1] == '\r' && b[i] == '\n') {
                    return i + 1;
                }
            }
            return -1;
        }

        @Override
        public void close() {
            for (Reader reader : readers) {
                reader.stop();
            }
        }

        static final class Connection {
            final SocketChannel channel;
            final Subscriber subscriber;
            ByteBuffer in;
            final java.io.ByteArrayOutputStream message = new java.io.ByteArrayOutputStream();

            Connection(SocketChannel channel, Subscriber subscriber, ByteBuffer in) {
                this.channel = channel;
                this.subscriber = subscriber;
                this.in = in;
            }
        }

        static final class Reader implements Runnable {
            private final java.nio.channels.Selector selector = java.nio.channels.Selector.open();
            private final java.util.Queue<Connection> joining = new java.util.concurrent.ConcurrentLinkedQueue<>();
            private volatile boolean running = true;

            Reader() throws IOException {}

            void add(Connection connection) {
                joining.add(connection);
                selector.wakeup();
            }

            void stop() {
                running = false;
                selector.wakeup();
            }

            @Override
            public void run() {
                try {
                    while (running) {
                        selector.select();
                        for (Connection c; (c = joining.poll()) != null; ) {
                            // Read nothing yet: handle what arrived with the handshake.
                            serve(c.channel.register(selector, java.nio.channels.SelectionKey.OP_READ, c), false);
                        }
                        for (var key : selector.selectedKeys()) {
                            serve(key, true);
                        }
                        selector.selectedKeys().clear();
                    }
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }

            /** Reads what the socket has (when {@code read}) and handles the whole frames; one socket failing ends only it. */
            private static void serve(java.nio.channels.SelectionKey key, boolean read) {
                Connection c = (Connection) key.attachment();
                try {
                    if (read && c.channel.read(c.in) < 0) {
                        end(c, "connection closed");
                        return;
                    }
                    frames(c);
                } catch (IOException e) {
                    end(c, e.toString());
                }
            }

            /** Closing the channel also cancels its selection key. */
            private static void end(Connection c, String why) {
                c.subscriber.ended(why);
                try {
                    c.channel.close();
                } catch (IOException ignored) {
                    // already gone
                }
            }

            /** Handles every whole frame in the buffer; keeps a partial one for the next read. */
            private static void frames(Connection c) throws IOException {
                ByteBuffer in = c.in;
                in.flip();
                while (in.remaining() >= 2) {
                    int start = in.position();
                    int b0 = in.get(start) & 0xFF;
                    int b1 = in.get(start + 1) & 0xFF;
                    long length = b1 & 0x7F;
                    int header = 2;
                    if (length == 126) {
                        if (in.remaining() < 4) {
                            break;
                        }
                        length = in.getShort(start + 2) & 0xFFFF;
                        header = 4;
                    } else if (length == 127) {
                        if (in.remaining() < 10) {
                            break;
                        }
                        length = in.getLong(start + 2);
                        header = 10;
                    }
                    if ((b1 & 0x80) != 0) {
                        throw new IOException("a server frame must not be masked");
                    }
                    if (header + length > in.capacity()) { // a frame larger than the buffer: grow it
                        ByteBuffer bigger = ByteBuffer.allocate((int) (header + length) * 2);
                        bigger.put(in);
                        c.in = bigger;
                        return;
                    }
                    if (in.remaining() < header + length) {
                        break;
                    }
                    byte[] payload = new byte[(int) length];
                    in.position(start + header);
                    in.get(payload);
                    int opcode = b0 & 0x0F;
                    boolean fin = (b0 & 0x80) != 0;
                    switch (opcode) {
                        case 0, 1 -> {
                            if (fin && c.message.size() == 0) {
                                c.subscriber.frame(new String(payload, StandardCharsets.UTF_8));
                            } else {
                                c.message.write(payload);
                                if (fin) {
                                    c.subscriber.frame(c.message.toString(StandardCharsets.UTF_8));
                                    c.message.reset();
                                }
                            }
                        }
                        case 9 -> pong(c.channel, payload);
                        case 8 -> {
                            int code = payload.length >= 2 ? ((payload[0] & 0xFF) << 8) | (payload[1] & 0xFF) : 1005;
                            end(c, "closed " + code + " "
                                    + new String(payload, Math.min(2, payload.length), Math.max(0, payload.length - 2),
                                            StandardCharsets.UTF_8));
                            return;
                        }
                        default -> {} // pong, or an opcode this benchmark does not use
                    }
                }
                in.compact();
            }

            /** Client frames are masked (RFC 6455 5.3); a pong echoes the ping's payload. */
            private static void pong(SocketChannel channel, byte[] payload) throws IOException {
                byte[] mask = new byte[4];
                java.util.concurrent.ThreadLocalRandom.current().nextBytes(mask);
                ByteBuffer frame = ByteBuffer.allocate(6 + payload.length);
                frame.put((byte) 0x8A).put((byte) (0x80 | payload.length)).put(mask);
                for (int i = 0; i < payload.length; i++) {
                    frame.put((byte) (payload[i] ^ mask[i % 4]));
                }
                frame.flip();
                while (frame.hasRemaining()) {
                    channel.write(frame);
                }
            }
        }
    }

    static long percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }

    static long lastSeq(HttpClient http, String base, String key, String conversation) {
        try {
            String body = http.send(
                            HttpRequest.newBuilder(URI.create(base + "/api/v1/conversations/" + conversation))
                                    .header("Authorization", "Bearer " + key)
                                    .build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body();
            int i = body.indexOf("\"last_seq\":") + 11;
            int j = i;
            while (j < body.length() && Character.isDigit(body.charAt(j))) {
                j++;
            }
            return Long.parseLong(body.substring(i, j));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** User and system CPU time a process has used, from {@code /proc/<pid>/stat} (0 when it is gone). */
    static long cpuMillis(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // fields[11] and fields[12] are utime and stime (fields 14 and 15 of proc(5)), in clock ticks
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 1000 / 100;
        } catch (Exception e) {
            return 0;
        }
    }

    static long rssKb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (Exception ignored) {
            // the server is gone
        }
        return 0;
    }

    static String heapUsedMb(HttpClient http, String base) {
        try {
            String metrics = http.send(
                            HttpRequest.newBuilder(URI.create(base + "/actuator/prometheus")).build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body();
            double used = metrics.lines()
                    .filter(l -> l.startsWith("jvm_memory_used_bytes{") && l.contains("area=\"heap\""))
                    .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                    .sum();
            return String.format("%.0f", used / 1024 / 1024);
        } catch (Exception e) {
            return "?";
        }
    }

    /**
     * With {@code -Dbench.trace=FILE} (BENCH_TRACE in run.sh): the delays per 100 ms of receipt
     * time, tab-separated (window start in epoch ms, tokens, p50, p99, max in ms), to line tails up
     * with GC pauses and other events of the server.
     */
    static void writeTrace(List<Subscriber> subs, Path file) throws IOException {
        java.util.TreeMap<Long, List<Long>> windows = new java.util.TreeMap<>();
        for (Subscriber sub : subs) {
            synchronized (sub) {
                for (int i = 0; i < sub.delays; i++) {
                    windows.computeIfAbsent(sub.receivedMicros[i] / 100_000, w -> new ArrayList<>())
                            .add(sub.delaysMicros[i]);
                }
            }
        }
        StringBuilder out = new StringBuilder("window_ms\ttokens\tp50_ms\tp99_ms\tmax_ms\n");
        windows.forEach((window, delays) -> {
            long[] sorted = delays.stream().mapToLong(Long::longValue).sorted().toArray();
            out.append(String.format(
                    "%d\t%d\t%.1f\t%.1f\t%.1f%n",
                    window * 100,
                    sorted.length,
                    percentile(sorted, 0.5) / 1000.0,
                    percentile(sorted, 0.99) / 1000.0,
                    sorted[sorted.length - 1] / 1000.0));
        });
        Files.writeString(file, out);
    }
}
