package dev.quillstream.conversation.events;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.resource.ClientResources;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.jspecify.annotations.Nullable;

/**
 * This node's appends to the Redis event log, sent in batches ({@link AppendBatch}): at most
 * {@code maxInFlight} script calls are out at a time, and an event queued while they are goes in
 * the next. An idle node sends each event at once; a busy one sends a few hundred calls a second
 * however many events it appends, so Redis, the connection and the node's I/O thread do
 * per-batch work instead of per-event work.
 *
 * <p>Events one thread appends keep their order: the queue is one, and one thread, the sender,
 * takes batches from it and hands them to the one connection, which Redis runs in the order they
 * arrive. One sender, not whichever thread appends or completes a call: Netty writes at once what
 * its I/O thread sends, but queues what other threads send, so a batch sent from the I/O thread
 * could overtake one another thread sent just before. The sender is a platform thread: woken from
 * the I/O thread, a virtual thread would wait behind the generations' threads. The script is sent
 * whole every time ({@code EVAL}, which Redis caches compiled): an {@code EVALSHA} refused after
 * a Redis restart would have to be re-sent behind later batches, out of order.
 *
 * <p>A content delta ({@link EventLog#appendDelta}) whose stream's last delta still waits is joined
 * to it instead of queued: a backlog (Redis slow or stalled) is then at most one event per stream,
 * not one per token, and drains in a few batches. Joining at the queue and not in the batch matters:
 * a job writes its sections in parallel, so a conversation's waiting tokens alternate between
 * several streams, and two hundred conversations' streams outnumber a batch's 256 events.
 *
 * <p>At most {@code maxPending} events wait; an append beyond that waits up to {@code waitForRoom}
 * and then fails, so a Redis that stalls slows the jobs a little instead of filling the heap. The
 * connection rejects commands while disconnected and never re-sends one after a reconnect: a script
 * Redis may already have run is not run twice (its events, if it ran, reach every node through
 * the channel; its callers are told it failed).
 */
final class RedisBatchAppender implements AutoCloseable {

    /**
     * Redis runs one script at a time, so a batch holds up every other client while it runs: at
     * about 8 µs per event (measured, {@code INFO commandstats}), 256 events keep that near 2 ms.
     */
    static final int MAX_BATCH_EVENTS = 256;

    private static final int MAX_BATCH_BYTES = 1 << 20;
    /** How long a conversation's expiry refresh lasts: its Stream expires within this of the TTL. */
    private static final long REFRESH_NANOS = Duration.ofSeconds(10).toNanos();

    private static final int REFRESHES_REMEMBERED = 100_000;
    /** After a failed connection attempt, batches fail at once for this long instead of each trying again. */
    private static final long RECONNECT_PAUSE_NANOS = Duration.ofSeconds(1).toNanos();

    private final RedisClient client;
    private final RedisEventKeys keys;
    private final byte[][] fixedArguments;

    private final int maxInFlight;
    private final int maxPending;
    private final Duration waitForRoom;
    private final ConcurrentLinkedQueue<Pending> queue = new ConcurrentLinkedQueue<>();
    private final Semaphore room;
    private final AtomicInteger inFlight = new AtomicInteger();
    /**
     * Per conversation, the delta of each of its streams that still waits to be sent and may be
     * joined to; a conversation is here only while it has one.
     */
    private final Map<String, Map<String, Pending>> openStreams = new ConcurrentHashMap<>();
    /**
     * Events added minus events taken (briefly below zero while an append is between adding and
     * counting). Only the append that takes it from 0 wakes the sender: under load the queue is never
     * empty, and waking the sender for every event (to find the calls still out) cost a system call
     * per event.
     */
    private final AtomicInteger queued = new AtomicInteger();

    private final Thread sender;
    private final EventLogMetrics metrics;

    // Touched by the sender thread only.
    /** When each conversation's expiry was last refreshed. */
    private final Map<String, Long> refreshed = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
            return size() > REFRESHES_REMEMBERED;
        }
    };

    private @Nullable StatefulRedisConnection<byte[], byte[]> connection;
    private @Nullable RuntimeException connectFailure;
    private long connectFailedAt;

    private volatile boolean closed;

    RedisBatchAppender(
            ClientResources resources,
            RedisURI uri,
            RedisEventKeys keys,
            int capacity,
            Duration retention,
            Duration replayTtl,
            Limits limits,
            EventLogMetrics metrics) {
        this.keys = keys;
        this.metrics = metrics;
        metrics.waiting(queued);
        this.maxInFlight = limits.maxInFlight();
        this.maxPending = limits.maxPending();
        this.waitForRoom = limits.waitForRoom();
        this.room = new Semaphore(maxPending);
        this.fixedArguments = AppendBatch.fixedArguments(capacity, retention, replayTtl, keys);
        this.client = RedisClient.create(resources, uri);
        client.setOptions(ClientOptions.builder()
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .replayFilter(command -> true) // never re-send a script that may have run
                .timeoutOptions(TimeoutOptions.enabled(Duration.ofSeconds(10)))
                .build());
        // Connected by the sender on its first batch, so a node starts while Redis is down.
        this.sender = Thread.ofPlatform().name("event-log-sender").daemon().start(this::sendWhileOpen);
    }

    /** How many calls may be out, how many events may wait, and how long an append waits for room. */
    record Limits(int maxInFlight, int maxPending, Duration waitForRoom) {
        Limits {
            if (maxInFlight < 1 || maxPending < 1 || waitForRoom.isNegative()) {
                throw new IllegalArgumentException("append limits must be positive");
            }
        }
    }

    /** Queues the event; the future gets its seq once Redis has appended it (and published it). */
    CompletableFuture<Long> append(String conversationId, String body) {
        return queue(conversationId, body, null);
    }

    /**
     * Queues a content delta, or joins it to its stream's last delta if that one still waits to be
     * sent and no other event of the conversation was queued after it ({@link EventLog#appendDelta}).
     */
    CompletableFuture<Long> append(String conversationId, EventLog.Delta delta) {
        return queue(conversationId, delta.body(), delta);
    }

    private CompletableFuture<Long> queue(String conversationId, String body, EventLog.@Nullable Delta delta) {
        if (closed) {
            return CompletableFuture.failedFuture(new IllegalStateException("the event log is closed"));
        }
        try {
            if (!room.tryAcquire(waitForRoom.toNanos(), TimeUnit.NANOSECONDS)) {
                return CompletableFuture.failedFuture(new IllegalStateException("Redis is not keeping up: " + maxPending
                        + " events have waited for more than " + waitForRoom.toSeconds() + " s"));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return CompletableFuture.failedFuture(e);
        }
        CompletableFuture<Long> seq = new CompletableFuture<>();
        boolean[] added = {false};
        // compute() locks the conversation's entry, so joining, queuing and the sender's taking
        // of its events never interleave: what joins a delta was appended after it, and nothing
        // of the conversation but deltas of other streams was queued between them.
        openStreams.compute(conversationId, (id, streams) -> {
            if (delta == null) {
                queue.add(Pending.of(conversationId, body, null, seq));
                added[0] = true;
                return null; // another kind of event: nothing queued before it is joined to any more
            }
            Pending last = streams == null ? null : streams.get(delta.stream());
            if (last != null && last.join(delta, seq)) {
                return streams;
            }
            Pending pending = Pending.of(conversationId, body, delta, seq);
            queue.add(pending);
            added[0] = true;
            Map<String, Pending> open = streams == null ? new HashMap<>(4) : streams;
            open.put(delta.stream(), pending);
            return open;
        });
        if (!added[0]) {
            room.release();
            metrics.joined();
        } else if (queued.getAndIncrement() == 0) {
            LockSupport.unpark(sender); // it may be waiting for events; with events queued it is not
        }
        return seq;
    }

    /** The sender: a batch whenever events wait and fewer than {@code maxInFlight} calls are out. */
    private void sendWhileOpen() {
        while (!closed) {
            if (queue.isEmpty() || inFlight.get() >= maxInFlight) {
                LockSupport.park(this); // woken by an append or a completed call
                continue;
            }
            List<Pending> events = takeBatch();
            AppendBatch batch = new AppendBatch(events, keys, fixedArguments, this::refreshDue);
            inFlight.incrementAndGet();
            try {
                connected()
                        .async()
                        .<List<Object>>eval(
                                AppendBatch.SCRIPT_BYTES, ScriptOutputType.MULTI, batch.keys, batch.arguments)
                        .whenComplete((firsts, error) -> completed(batch, events, firsts, error));
            } catch (RuntimeException e) {
                completed(batch, events, null, e);
            }
        }
    }

    /** The next batch: as many queued events as fit, each closed to further joins as it is taken. */
    private List<Pending> takeBatch() {
        List<Pending> batch = new ArrayList<>();
        int bytes = 0;
        Pending next;
        while (batch.size() < MAX_BATCH_EVENTS && (next = queue.peek()) != null) {
            byte[] body = sealed(next); // from here on nothing joins it, sent now or in the next batch
            if (!batch.isEmpty() && bytes + body.length > MAX_BATCH_BYTES) {
                break;
            }
            batch.add(queue.poll());
            bytes += body.length;
        }
        queued.addAndGet(-batch.size());
        return batch;
    }

    /** Closes the event to joins (a delta no longer waits as its stream's last) and returns its body. */
    private byte[] sealed(Pending event) {
        String stream = event.stream();
        if (stream == null) {
            return event.seal();
        }
        byte[][] body = new byte[1][];
        openStreams.computeIfPresent(event.conversationId(), (id, streams) -> {
            body[0] = event.seal();
            streams.remove(stream, event);
            return streams.isEmpty() ? null : streams;
        });
        return body[0] != null ? body[0] : event.seal();
    }

    /** Whether this call refreshes the conversation's expiry (at most every 10 s per conversation). */
    private boolean refreshDue(String conversationId) {
        long now = System.nanoTime();
        Long last = refreshed.get(conversationId);
        if (last != null && now - last < REFRESH_NANOS) {
            return false;
        }
        refreshed.put(conversationId, now);
        return true;
    }

    /** The connection; once made, Lettuce reconnects it by itself. */
    private StatefulRedisConnection<byte[], byte[]> connected() {
        if (connection != null) {
            return connection;
        }
        if (connectFailure != null && System.nanoTime() - connectFailedAt < RECONNECT_PAUSE_NANOS) {
            throw connectFailure;
        }
        try {
            connection = client.connect(ByteArrayCodec.INSTANCE);
            connectFailure = null;
            return connection;
        } catch (RuntimeException e) {
            connectFailure = e;
            connectFailedAt = System.nanoTime();
            throw e;
        }
    }

    /** On Lettuce's I/O thread (mostly): hands out the seqs, and lets the sender send again. */
    private void completed(
            AppendBatch batch, List<Pending> events, @Nullable List<Object> firsts, @Nullable Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        room.release(batch.size());
        inFlight.decrementAndGet();
        LockSupport.unpark(sender);
        if (cause != null) {
            batch.fail(cause);
        } else if (firsts == null) {
            batch.fail(new IllegalStateException("Redis did not answer the append"));
        } else {
            metrics.appended(events, System.nanoTime());
            batch.completeWith(firsts);
        }
    }

    @Override
    public void close() {
        closed = true;
        LockSupport.unpark(sender);
        try {
            sender.join(Duration.ofSeconds(2));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Pending left;
        while ((left = queue.poll()) != null) {
            left.seq().completeExceptionally(new IllegalStateException("the event log closed"));
        }
        if (connection != null) {
            connection.close();
        }
        client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
    }
}
