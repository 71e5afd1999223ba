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
 * (system properties: {@code bench.rounds}, {@code bench.client}, {@code bench.trace} as a path
 * prefix, {@code bench.spread} in ms).
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
        long[] delaysMicros = new long[1024];
        long[] receivedMicros = new long[1024];
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

        /** A JDK client's text frame. */
        void frame(String json) {
            byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
            frame(bytes, 0, bytes.length);
        }

        /**
         * One event, read in place from the frame's UTF-8 bytes: its seq, its type and (for a token)
         * its timestamp, without building a String or an Instant per frame. The load generator
         * shares the two cores with the server, so what it spends per frame is taken from what it
         * measures (parsing each frame into Strings and an Instant was a quarter of its CPU).
         */
        synchronized void frame(byte[] b, int from, int length) {
            long nowMicros = nowMicros();
            int end = from + length;
            if (!startsWith(b, from, end, SEQ)) {
                return;
            }
            int at = from + SEQ.length;
            if (at < end && b[at] == 'n') {
                return; // "seq":null, a connection-level error event
            }
            long seq = 0;
            while (at < end && b[at] >= '0' && b[at] <= '9') {
                seq = seq * 10 + (b[at++] - '0');
            }
            received++;
            if (seq <= lastSeq) {
                duplicates++;
                return;
            }
            if (seq != lastSeq + 1) {
                outOfOrder++;
            }
            lastSeq = seq;
            int type = indexOf(b, from, end, TYPE);
            if (type < 0) {
                return;
            }
            type += TYPE.length;
            if (startsWith(b, type, end, TOKEN)) {
                int timestamp = indexOf(b, from, end, TIMESTAMP);
                if (timestamp < 0) {
                    return;
                }
                long produced = epochMicros(b, timestamp + TIMESTAMP.length);
                // A token event the server merged from several of the model's deltas says how many
                // ("tokens" in its data) and carries the first one's timestamp: each counts, at the
                // first one's delay, an upper bound for the later ones.
                int merged = indexOf(b, timestamp, end, MERGED);
                int count = merged < 0 ? 1 : (int) digits(b, merged + MERGED.length, end);
                tokens += count;
                for (int i = 0; i < count; i++) {
                    if (delays == delaysMicros.length) {
                        delaysMicros = Arrays.copyOf(delaysMicros, delays * 2);
                        receivedMicros = Arrays.copyOf(receivedMicros, delays * 2);
                    }
                    receivedMicros[delays] = nowMicros;
                    delaysMicros[delays++] = Math.max(0, nowMicros - produced);
                }
            } else if (startsWith(b, type, end, COMPLETED) || startsWith(b, type, end, FAILED)) {
                ended(null);
            }
        }
    }

    static final byte[] SEQ = ascii("{\"seq\":");
    static final byte[] TYPE = ascii("\"type\":\"");
    static final byte[] TIMESTAMP = ascii("\"timestamp\":\"");
    static final byte[] TOKEN = ascii("token\"");
    static final byte[] MERGED = ascii(",\"tokens\":");
    static final byte[] COMPLETED = ascii("job.completed\"");
    static final byte[] FAILED = ascii("job.failed\"");

    static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    static boolean startsWith(byte[] b, int at, int end, byte[] prefix) {
        if (at < 0 || end - at < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (b[at + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    static int indexOf(byte[] b, int from, int end, byte[] needle) {
        for (int i = from; i <= end - needle.length; i++) {
            if (startsWith(b, i, end, needle)) {
                return i;
            }
        }
        return -1;
    }

    static long nowMicros() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000 + now.getNano() / 1000;
    }

    /**
     * An {@link Instant#toString()} timestamp ({@code 2026-12-07T23:27:03.123456Z}, 0 to 9 fraction
     * digits, UTC) in microseconds since the epoch; the server writes exactly this form. The date
     * becomes a day number by the civil-from-days inverse (H. Hinnant, "chrono-compatible low-level
     * date algorithms").
     */
    static long epochMicros(byte[] b, int at) {
        long year = number(b, at, 4);
        int month = (int) number(b, at + 5, 2);
        int day = (int) number(b, at + 8, 2);
        long seconds = number(b, at + 11, 2) * 3600 + number(b, at + 14, 2) * 60 + number(b, at + 17, 2);
        long micros = 0;
        int digits = 0;
        if (b[at + 19] == '.') {
            for (int i = at + 20; b[i] >= '0' && b[i] <= '9'; i++, digits++) {
                if (digits < 6) {
                    micros = micros * 10 + (b[i] - '0');
                }
            }
            for (int d = Math.min(digits, 6); d < 6; d++) {
                micros *= 10;
            }
        }
        long y = month <= 2 ? year - 1 : year;
        long era = Math.floorDiv(y, 400);
        long yearOfEra = y - era * 400;
        long dayOfYear = (153L * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
        long dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
        long epochDay = era * 146097 + dayOfEra - 719468;
        return (epochDay * 86400 + seconds) * 1_000_000 + micros;
    }

    /** The decimal number at {@code at} (its digits up to the first other byte). */
    static long digits(byte[] b, int at, int end) {
        long value = 0;
        for (int i = at; i < end && b[i] >= '0' && b[i] <= '9'; i++) {
            value = value * 10 + (b[i] - '0');
        }
        return value;
    }

    static long number(byte[] b, int at, int digits) {
        long value = 0;
        for (int i = at; i < at + digits; i++) {
            value = value * 10 + (b[i] - '0');
        }
        return value;
    }

    /**
     * Runs {@code bench.rounds} rounds in this one JVM, each with new conversations: from the
     * second round on, the client's code is compiled too, so its JIT does not compete with the
     * server during the burst it measures.
     */
    public static void main(String[] args) throws Exception {
        String base = args[0];
        String key = args[1];
        int generations = Integer.parseInt(args[2]);
        int subscribers = Integer.parseInt(args[3]);
        long serverPid = Long.parseLong(args[4]);
        int rounds = Integer.getInteger("bench.rounds", 1);
        String trace = System.getProperty("bench.trace", "");
        HttpClient http = HttpClient.newBuilder().executor(Executors.newVirtualThreadPerTaskExecutor()).build();
        boolean passed = true;
        for (int round = 1; round <= rounds; round++) {
            System.out.printf(
                    "== round %d of %d: cores=%d load=%s%n",
                    round,
                    rounds,
                    Runtime.getRuntime().availableProcessors(),
                    Files.readString(Path.of("/proc/loadavg")).substring(0, 14));
            String traceFile = trace.isEmpty() ? "" : trace + ".round" + round + ".tsv";
            passed &= round(http, base, key, generations, subscribers, serverPid, traceFile);
        }
        System.exit(passed ? 0 : 1);
    }

    /** One round; true when every generation finished and nothing was lost or duplicated. */
    static boolean round(
            HttpClient http,
            String base,
            String key,
            int generations,
            int subscribers,
            long serverPid,
            String trace)
            throws Exception {
        String run = Long.toString(System.currentTimeMillis(), 36);
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

        // What the round keeps (sockets, subscribers) moves to the old generation now, so no young
        // collection copies it while the round is measured.
        System.gc();

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

        String stagesStart = prometheus(http, base);
        long serverCpuStart = cpuMillis(serverPid);
        long[] jitAndGcStart = jitAndGcMillis(serverPid);
        long clientCpuStart = cpuMillis(ProcessHandle.current().pid());
        long spreadNanos = TimeUnit.MILLISECONDS.toNanos(Long.getLong("bench.spread", 0));
        long start = System.nanoTime();
        List<java.util.concurrent.Future<Void>> submissions = new ArrayList<>();
        // The submissions get connections of their own, new each round: a connection kept from an
        // earlier round could be one the server is closing as idle, and a POST sent on it gets no
        // answer ("header parser received no bytes"; seen twice in 8 December's runs).
        // (Declared first, so closed after the executor has waited for every submission.)
        try (HttpClient submitter = HttpClient.newBuilder()
                        .executor(Executors.newVirtualThreadPerTaskExecutor())
                        .build();
                var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int g = 0; g < generations; g++) {
                String conversation = "bench-" + run + "-" + g;
                // Optional spread: the g-th generation is submitted g/N of the way through it.
                long due = start + spreadNanos * g / generations;
                while (System.nanoTime() < due) {
                    Thread.sleep(Math.max(1, (due - System.nanoTime()) / 1_000_000));
                }
                submissions.add(executor.submit(() -> {
                    HttpResponse<String> response = submitter.send(
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
        Thread pause = pauseRedisLater(System.getProperty("bench.redisPause", ""));
        boolean finished = done.await(20, TimeUnit.MINUTES);
        if (pause != null) {
            pause.join();
        }
        long end = System.nanoTime();
        long serverCpu = cpuMillis(serverPid) - serverCpuStart;
        long[] jitAndGc = jitAndGcMillis(serverPid);
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
        if (!trace.isEmpty()) {
            writeTrace(subs, Path.of(trace));
        }
        Arrays.sort(all);
        double seconds = (end - start) / 1e9;
        String metricsAtEnd = prometheus(http, base);
        String heap = heapUsedMb(metricsAtEnd);
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
                "cpu: server %.1f s (%.0f µs per event delivered; JIT %.1f s, GC %.1f s), client %.1f s, over %.1f s on %d cores%n",
                serverCpu / 1000.0,
                received == 0 ? 0 : serverCpu * 1000.0 / received,
                (jitAndGc[0] - jitAndGcStart[0]) / 1000.0,
                (jitAndGc[1] - jitAndGcStart[1]) / 1000.0,
                clientCpu / 1000.0,
                seconds,
                Runtime.getRuntime().availableProcessors());
        System.out.printf("server memory: peak RSS %d MB, heap used at end %s MB%n", peakRss.get() / 1024, heap);
        printStages(stagesStart, metricsAtEnd);
        for (WebSocket socket : sockets) {
            socket.abort();
        }
        if (nio != null) {
            nio.close();
        }
        for (HttpClient client : socketClients) {
            client.close();
        }
        return finished && lost == 0 && duplicates == 0;
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
            // Frames that came with the response go to the socket's buffer. It is a direct one: a
            // thousand 64 KiB heap buffers made each round's first young collection copy them while
            // the server was being measured (one client pause was 508 ms).
            in.flip();
            in.position(headerEnd);
            ByteBuffer frames = ByteBuffer.allocateDirect(in.capacity());
            frames.put(in);
            channel.configureBlocking(false);
            readers[next++ % readers.length].add(new Connection(channel, subscriber, frames));
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
                    for (var key : selector.keys()) {
                        key.channel().close();
                    }
                    selector.close();
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

            /** Each reader thread's copy of the frame it is reading, reused for every frame. */
            private static final ThreadLocal<byte[]> SCRATCH = ThreadLocal.withInitial(() -> new byte[1 << 16]);

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
                        ByteBuffer bigger = ByteBuffer.allocateDirect((int) (header + length) * 2);
                        bigger.put(in);
                        c.in = bigger;
                        return;
                    }
                    if (in.remaining() < header + length) {
                        break;
                    }
                    int opcode = b0 & 0x0F;
                    boolean fin = (b0 & 0x80) != 0;
                    if (opcode == 1 && fin && c.message.size() == 0) {
                        // The common case: no allocation per frame.
                        byte[] scratch = SCRATCH.get();
                        if (scratch.length < length) {
                            scratch = new byte[(int) length * 2];
                            SCRATCH.set(scratch);
                        }
                        in.get(start + header, scratch, 0, (int) length);
                        c.subscriber.frame(scratch, 0, (int) length);
                        in.position(start + header + (int) length);
                        continue;
                    }
                    byte[] payload = new byte[(int) length];
                    in.position(start + header);
                    in.get(payload);
                    switch (opcode) {
                        case 0, 1 -> {
                            c.message.write(payload);
                            if (fin) {
                                byte[] message = c.message.toByteArray();
                                c.subscriber.frame(message, 0, message.length);
                                c.message.reset();
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
        return statCpuMillis(Path.of("/proc/" + pid + "/stat"));
    }

    /** User and system CPU time of one {@code stat} file (a process's or a thread's), in ms. */
    static long statCpuMillis(Path stat) {
        try {
            String line = Files.readString(stat);
            String[] fields = line.substring(line.lastIndexOf(')') + 2).split(" ");
            // fields[11] and fields[12] are utime and stime (fields 14 and 15 of proc(5)), in clock ticks
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 1000 / 100;
        } catch (Exception e) {
            return 0;
        }
    }

    /**
     * CPU time of the server's JIT compiler threads and of its GC threads, in ms (from each
     * thread's {@code /proc/<pid>/task/<tid>/stat}): what of the server's CPU was not the service.
     */
    static long[] jitAndGcMillis(long pid) {
        long jit = 0;
        long gc = 0;
        try (var tasks = Files.list(Path.of("/proc/" + pid + "/task"))) {
            for (Path task : tasks.toList()) {
                String name;
                try {
                    name = Files.readString(task.resolve("comm")).strip();
                } catch (IOException gone) {
                    continue;
                }
                if (name.startsWith("C1 Compiler") || name.startsWith("C2 Compiler")) {
                    jit += statCpuMillis(task.resolve("stat"));
                } else if (name.startsWith("GC Thread") || name.startsWith("G1 ")) {
                    gc += statCpuMillis(task.resolve("stat"));
                }
            }
        } catch (IOException e) {
            // the server is gone
        }
        return new long[] {jit, gc};
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

    /**
     * With {@code -Dbench.redisPause=<after ms>:<for ms>} (BENCH_REDIS_PAUSE in run.sh): that long
     * after the generations were queued, Redis holds every write command for that long ({@code
     * CLIENT PAUSE ... WRITE}): the appends back up as they would behind a Redis that stalls.
     */
    static Thread pauseRedisLater(String spec) {
        if (spec.isBlank()) {
            return null;
        }
        String[] parts = spec.split(":");
        long after = Long.parseLong(parts[0].strip());
        long pause = Long.parseLong(parts[1].strip());
        return Thread.ofPlatform().start(() -> {
            try {
                Thread.sleep(after);
                Process cli = new ProcessBuilder(
                                "redis-cli", "-h", "127.0.0.1", "-p", "6379", "CLIENT", "PAUSE", Long.toString(pause), "WRITE")
                        .inheritIO()
                        .start();
                System.out.printf("redis: writes paused for %d ms, %d ms after the generations were queued (%s)%n",
                        pause, after, cli.waitFor() == 0 ? "done" : "redis-cli failed");
            } catch (Exception e) {
                System.out.println("redis: could not pause: " + e);
            }
        });
    }

    static String prometheus(HttpClient http, String base) {
        try {
            return http.send(
                            HttpRequest.newBuilder(URI.create(base + "/actuator/prometheus")).build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body();
        } catch (Exception e) {
            return "";
        }
    }

    /**
     * The server's own histograms of the round (the Redis event log's, absent in memory mode):
     * percentiles are the upper bounds of the buckets they fall in, so read them as "at most".
     */
    static void printStages(String before, String after) {
        String append = stage(before, after, "quillstream_events_append_seconds");
        String relay = stage(before, after, "quillstream_events_relay_wait_seconds");
        if (append != null && relay != null) {
            String calls = "quillstream_events_append_batch_events_count";
            System.out.printf(
                    "server stages: append (to Redis and back) %s in %.0f script calls; relay wait %s; tokens"
                            + " joined %.0f%n",
                    append,
                    counter(after, calls) - counter(before, calls),
                    relay,
                    counter(after, "quillstream_events_joined_total") - counter(before, "quillstream_events_joined_total"));
        }
    }

    static double counter(String metrics, String name) {
        return metrics.lines()
                .filter(l -> l.startsWith(name + " ") || l.startsWith(name + "{"))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                .sum();
    }

    static String stage(String before, String after, String name) {
        java.util.TreeMap<Double, Double> start = buckets(before, name);
        java.util.TreeMap<Double, Double> end = buckets(after, name);
        if (end.isEmpty()) {
            return null;
        }
        double total = end.lastEntry().getValue() - start.getOrDefault(end.lastKey(), 0.0);
        if (total <= 0) {
            return "none";
        }
        return String.format(
                "p50 <= %s ms, p99 <= %s ms (%.0f)",
                bound(start, end, total * 0.50), bound(start, end, total * 0.99), total);
    }

    static String bound(java.util.TreeMap<Double, Double> start, java.util.TreeMap<Double, Double> end, double rank) {
        for (var bucket : end.entrySet()) {
            if (bucket.getValue() - start.getOrDefault(bucket.getKey(), 0.0) >= rank) {
                return bucket.getKey().isInfinite() ? "inf" : String.format("%.1f", bucket.getKey() * 1000);
            }
        }
        return "inf";
    }

    /** Cumulative counts by upper bound (seconds) of a Prometheus histogram. */
    static java.util.TreeMap<Double, Double> buckets(String metrics, String name) {
        java.util.TreeMap<Double, Double> buckets = new java.util.TreeMap<>();
        for (String line : metrics.lines().toList()) {
            if (!line.startsWith(name + "_bucket{")) {
                continue;
            }
            int le = line.indexOf("le=\"");
            String bound = line.substring(le + 4, line.indexOf('"', le + 4));
            double upper = bound.equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(bound);
            buckets.merge(upper, Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)), Double::sum);
        }
        return buckets;
    }

    static String heapUsedMb(String metrics) {
        double used = metrics.lines()
                .filter(l -> l.startsWith("jvm_memory_used_bytes{") && l.contains("area=\"heap\""))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                .sum();
        return used == 0 ? "?" : String.format("%.0f", used / 1024 / 1024);
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
