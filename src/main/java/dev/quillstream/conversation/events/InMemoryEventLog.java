package dev.quillstream.conversation.events;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The event log of a single node (no {@code REDIS_URL}): per conversation, the last {@code
 * capacity} events in memory, and all conversations together within {@code budgetBytes}. Over the
 * budget, the oldest events of the conversations that have been quiet longest are dropped first
 * (a client asking for them is told they are gone; the messages stay in PostgreSQL), so a node
 * that runs for months does not fill its heap with replay. It does not survive a restart: after
 * one, {@code seq} starts again at 1.
 */
public final class InMemoryEventLog implements EventLog {

    /**
     * What an event costs beyond its JSON's UTF-8 bytes (the event object, its array's header, a
     * deque slot). An estimate.
     */
    static final int OVERHEAD_BYTES = 80;

    private final int capacity;
    private final long budgetBytes;
    private final Map<String, Stream> streams = new ConcurrentHashMap<>();
    private final Subscribers subscribers = new Subscribers();
    private final AtomicLong bytes = new AtomicLong();
    private final AtomicBoolean trimming = new AtomicBoolean();

    /** No limit but {@code capacity} per conversation. */
    public InMemoryEventLog(int capacity) {
        this(capacity, Long.MAX_VALUE);
    }

    public InMemoryEventLog(int capacity, long budgetBytes) {
        if (capacity < 1 || budgetBytes < 1) {
            throw new IllegalArgumentException("the replay capacity and memory must be positive");
        }
        this.capacity = capacity;
        this.budgetBytes = budgetBytes;
    }

    /** Appended, and delivered to subscribers, on the calling thread: the future is complete. */
    @Override
    public CompletableFuture<Long> appendAsync(String conversationId, String body) {
        try {
            return CompletableFuture.completedFuture(append(conversationId, body));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    @Override
    public long append(String conversationId, String body) {
        while (true) {
            Stream stream = streams.computeIfAbsent(conversationId, id -> new Stream());
            // One lock per conversation: seq order, log order and delivery order are the same.
            stream.lock.lock();
            long added;
            LoggedEvent event;
            try {
                if (stream.forgotten) {
                    continue; // deleted between the lookup and the lock: a new stream takes over
                }
                event = LoggedEvent.of(stream.last + 1, body); // a body that is no event takes no seq
                stream.last = event.seq();
                stream.events.addLast(event);
                added = sizeOf(event);
                if (stream.events.size() > capacity) {
                    added -= sizeOf(stream.events.removeFirst());
                }
                stream.lastAppend = System.nanoTime();
                subscribers.deliver(conversationId, List.of(event));
            } finally {
                stream.lock.unlock();
            }
            if (bytes.addAndGet(added) > budgetBytes && trimming.compareAndSet(false, true)) {
                // Not on this thread: it is a job's, and its next token should not wait for a trim.
                Thread.ofVirtual().name("event-log-trim").start(this::trim);
            }
            return event.seq();
        }
    }

    @Override
    public List<LoggedEvent> range(String conversationId, long after, long until, int limit) {
        Stream stream = streams.get(conversationId);
        if (stream == null) {
            return List.of();
        }
        stream.lock.lock();
        try {
            List<LoggedEvent> found = new ArrayList<>();
            for (LoggedEvent event : stream.events) {
                if (event.seq() > after && event.seq() <= until && found.size() < limit) {
                    found.add(event);
                }
            }
            return found;
        } finally {
            stream.lock.unlock();
        }
    }

    @Override
    public long lastSeq(String conversationId) {
        Stream stream = streams.get(conversationId);
        if (stream == null) {
            return 0;
        }
        stream.lock.lock();
        try {
            return stream.last;
        } finally {
            stream.lock.unlock();
        }
    }

    @Override
    public AutoCloseable subscribe(String conversationId, Subscriber subscriber) {
        return subscribers.add(conversationId, subscriber);
    }

    @Override
    public void forget(String conversationId) {
        Stream stream = streams.remove(conversationId);
        if (stream == null) {
            return;
        }
        stream.lock.lock();
        try {
            stream.forgotten = true;
            long freed = 0;
            for (LoggedEvent event : stream.events) {
                freed += sizeOf(event);
            }
            bytes.addAndGet(-freed);
            stream.events.clear();
        } finally {
            stream.lock.unlock();
        }
    }

    /** The estimated memory the kept events take, in bytes. */
    long bytesKept() {
        return bytes.get();
    }

    /**
     * Drops events until the log is a tenth under its budget (so trims are rare), oldest first from
     * the conversations quiet longest. Their {@code seq} counters stay: seq never restarts.
     */
    private void trim() {
        do {
            try {
                trimOnce();
            } finally {
                trimming.set(false);
            }
            // An append that went over the budget while this trim was finishing did not start one.
        } while (bytes.get() > budgetBytes && trimming.compareAndSet(false, true));
    }

    private void trimOnce() {
        long target = budgetBytes - budgetBytes / 10;
        // Each time read once: sorting on a field that changes meanwhile breaks the sort.
        record Quiet(Stream stream, long since) {}
        List<Stream> quietestFirst = streams.values().stream()
                .map(stream -> new Quiet(stream, stream.lastAppend))
                .sorted(Comparator.comparingLong(Quiet::since))
                .map(Quiet::stream)
                .toList();
        for (Stream stream : quietestFirst) {
            if (bytes.get() <= target) {
                return;
            }
            stream.lock.lock();
            try {
                while (!stream.events.isEmpty() && bytes.get() > target) {
                    bytes.addAndGet(-sizeOf(stream.events.removeFirst()));
                }
            } finally {
                stream.lock.unlock();
            }
        }
    }

    private static long sizeOf(LoggedEvent event) {
        return event.size() + OVERHEAD_BYTES;
    }

    private static final class Stream {
        /**
         * A lock, not {@code synchronized}: with a job's sections appending in parallel, contended
         * monitors held tokens back for seconds now and then (the streaming benchmark's maximum
         * delay at 200 × 1,000 was 1.3–4 s in every round; with this lock 0.1–0.4 s in five of six).
         */
        final ReentrantLock lock = new ReentrantLock();

        final ArrayDeque<LoggedEvent> events = new ArrayDeque<>();
        long last;
        boolean forgotten;
        /** Read by the trim without the lock, to order conversations: a value a moment old is fine. */
        volatile long lastAppend;
    }
}
