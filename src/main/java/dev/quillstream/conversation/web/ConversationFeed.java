package dev.quillstream.conversation.web;

import dev.quillstream.conversation.events.EventLog;
import dev.quillstream.conversation.events.EventLog.LoggedEvent;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.socket.CloseStatus;
import tools.jackson.databind.json.JsonMapper;

/**
 * One WebSocket's view of a conversation's stream: replay after the client's {@code seq}, then live,
 * with no gap and no duplicate. It subscribes <em>before</em> it reads the log, so an event is
 * either in what it reads or arrives live afterwards (or both: anything at or below the last
 * {@code seq} sent is skipped).
 *
 * <p>Once the socket is in step (it has everything up to the last {@code seq} delivered), the thread
 * that delivers the next event hands it to the socket itself ({@link Outbound}: non-blocking, so
 * written at once or queued by the container) and no thread is woken. Everything else is done by
 * the feed's own virtual thread, its writer: the replay, reading from the log an event that
 * pub/sub lost (a live event beyond the next expected {@code seq} takes the socket out of step
 * until the writer has sent the missing ones), heartbeats, and errors about the connection. While
 * it works, live events wait in a bounded queue; one that does not fit is read from the log later.
 *
 * <p>A slow client never slows the server: at most {@code capacity} frames may wait to be written
 * to it. Delivery that finds no room, or a writer that waits for room longer than {@link #STALL},
 * closes it (1008, saying why, the frames still waiting discarded) and drops the connection if it
 * has not closed two seconds later.
 */
final class ConversationFeed implements EventLog.Subscriber {

    private static final Logger log = LoggerFactory.getLogger(ConversationFeed.class);
    private static final int PAGE = 1000;
    /** How long the writer waits for the client to take a frame before it gives up on the client. */
    static final Duration STALL = Duration.ofSeconds(10);

    private static final Object WAKE = new Object();

    private final Outbound socket;
    private final String conversationId;
    private final EventLog events;
    private final JsonMapper json;
    private final Duration pingInterval;
    private final int capacity;
    private final Runnable onDropped;
    /** Live events (and connection errors) for the writer while the socket is not in step. */
    private final ArrayBlockingQueue<Object> queue;
    /** Frames handed to the socket and not written yet: one permit each. */
    private final Semaphore room;
    /**
     * Guards what delivery threads and the writer share, and every hand-over to the socket, so
     * frames go out in {@code seq} order. A lock, not {@code synchronized}: contended monitors are
     * what held virtual threads back for seconds in the in-process log (see {@code InMemoryEventLog}).
     */
    private final ReentrantLock lock = new ReentrantLock();

    // Guarded by lock.
    /** In step: the next event in order is sent by whoever delivers it. */
    private boolean inStep;
    /** A live event did not fit the queue: the writer reads the log again before it goes in step. */
    private boolean droppedWhileBehind;

    private boolean dropped;
    /** The highest seq handed to the socket. */
    private long last;
    /** The highest seq queued for the writer: a copy of an event already queued is not queued again. */
    private long lastQueued;

    private volatile boolean closed;
    /** Set by {@link #resync}: the writer reads the log after {@code last} before anything else. */
    private volatile boolean resync;

    private volatile long lastPong = System.nanoTime();

    ConversationFeed(
            Outbound socket,
            String conversationId,
            long after,
            EventLog events,
            JsonMapper json,
            int capacity,
            Duration pingInterval,
            Runnable onDropped) {
        this.onDropped = onDropped;
        this.socket = socket;
        this.conversationId = conversationId;
        this.events = events;
        this.json = json;
        this.pingInterval = pingInterval;
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.room = new Semaphore(capacity);
        this.capacity = capacity;
        this.last = after;
        this.lastQueued = after;
    }

    /** Live delivery, on the log's delivery thread: never blocks. */
    @Override
    public void accept(LoggedEvent event) {
        acceptAll(List.of(event));
    }

    /** Events that arrived together are written together: all but the last are held for it. */
    @Override
    public void acceptAll(List<LoggedEvent> arrived) {
        lock.lock();
        try {
            boolean held = false;
            for (int i = 0; i < arrived.size() && !dropped && !closed; i++) {
                LoggedEvent event = arrived.get(i);
                if (event.seq() <= Math.max(last, lastQueued)) {
                    continue;
                }
                if (inStep && event.seq() == last + 1) {
                    boolean more = i < arrived.size() - 1;
                    if (handOver(event, more)) {
                        held = more;
                    }
                    continue;
                }
                inStep = false; // out of order: pub/sub lost an event, which the writer reads from the log
                if (queue.offer(event)) {
                    lastQueued = event.seq();
                } else {
                    droppedWhileBehind = true; // still in the log
                }
            }
            if (held) {
                socket.flush();
            }
        } finally {
            lock.unlock();
        }
    }

    /** Live events may have been missed: the writer reads the log after the last event sent. */
    @Override
    public void resync() {
        resync = true;
        queue.offer(WAKE); // when the queue is full the writer is busy and sees the flag anyway
    }

    /** A problem with this connection only (not part of the conversation's stream, so no seq). */
    void tell(String problem) {
        queue.offer(new ConnectionError(problem));
    }

    void pong() {
        lastPong = System.nanoTime();
    }

    void close() {
        closed = true;
        queue.offer(WAKE);
    }

    /** The feed's writer: runs until the socket closes. */
    void run() {
        try (AutoCloseable subscription = events.subscribe(conversationId, this)) {
            long newest = events.lastSeq(conversationId);
            if (last > newest) {
                sendError("there are no events after " + last + " (the stream holds " + newest
                        + "): it was restarted or deleted; continuing from " + newest);
                lock.lock();
                try {
                    last = newest;
                    lastQueued = newest;
                } finally {
                    lock.unlock();
                }
            }
            catchUp(newest);
            Heartbeat heartbeat = new Heartbeat(pingInterval, System.nanoTime());
            while (!closed && socket.isOpen()) {
                Object item = queue.poll(heartbeat.untilDue(System.nanoTime()), TimeUnit.NANOSECONDS);
                long now = System.nanoTime();
                if (heartbeat.due(now)) {
                    if (!heartbeat.ping(now, lastPong)) {
                        closeQuietly(CloseStatus.SESSION_NOT_RELIABLE.withReason("no pong"));
                        return;
                    }
                    socket.ping();
                }
                if (item != null) {
                    handle(item);
                }
                if (resync) {
                    resync = false;
                    takeOutOfStep();
                    catchUp(events.lastSeq(conversationId));
                } else if (item instanceof LoggedEvent) {
                    drainQueue();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Stalled e) {
            log.debug("Conversation feed of {} dropped a client that did not read", conversationId);
        } catch (Exception e) {
            log.debug("Conversation feed of {} ended: {}", conversationId, e.toString());
        } finally {
            closeQuietly(CloseStatus.NORMAL);
        }
    }

    /** Sends the logged events after {@code last} up to {@code until}, then what was queued meanwhile. */
    private void catchUp(long until) throws InterruptedException {
        sendFromLog(until);
        drainQueue();
    }

    /** Sends what was queued while the socket was out of step, and puts it in step once none is left. */
    private void drainQueue() throws InterruptedException {
        while (true) {
            Object item;
            lock.lock();
            try {
                if (droppedWhileBehind) {
                    droppedWhileBehind = false;
                    item = null;
                } else if ((item = queue.poll()) == null) {
                    inStep = true;
                    return;
                }
            } finally {
                lock.unlock();
            }
            if (item == null) {
                sendFromLog(Long.MAX_VALUE);
            } else {
                handle(item);
            }
        }
    }

    private void takeOutOfStep() {
        lock.lock();
        try {
            inStep = false;
        } finally {
            lock.unlock();
        }
    }

    private void handle(Object item) throws InterruptedException {
        if (item instanceof ConnectionError problem) {
            sendError(problem.message());
        } else if (item instanceof LoggedEvent event) { // one at or below the last sent is neither
            if (event.seq() > sent() + 1) {
                sendFromLog(event.seq() - 1);
            }
            if (event.seq() == sent() + 1) {
                sendEvent(event, false);
            }
        }
    }

    /**
     * Sends the logged events after {@code last} up to {@code until}, telling the client about any it
     * can no longer get. Every event up to {@code until} was appended before this call (it was
     * delivered live, or counted by {@code lastSeq}), so what the log lacks of them was trimmed: the
     * client is told, and the feed goes on after {@code until} instead of waiting for them forever.
     */
    private void sendFromLog(long until) throws InterruptedException {
        while (true) {
            List<LoggedEvent> page = events.range(conversationId, sent(), until, PAGE);
            for (int i = 0; i < page.size(); i++) {
                LoggedEvent event = page.get(i);
                if (event.seq() > sent() + 1) {
                    sendGone(event.seq() - 1);
                }
                sendEvent(event, i < page.size() - 1); // a page goes out in a few large writes
            }
            if (page.size() < PAGE) {
                break;
            }
        }
        if (until != Long.MAX_VALUE && sent() < until) {
            sendGone(until);
            lock.lock();
            try {
                last = until;
            } finally {
                lock.unlock();
            }
        }
    }

    private long sent() {
        lock.lock();
        try {
            return last;
        } finally {
            lock.unlock();
        }
    }

    private void sendGone(long through) throws InterruptedException {
        sendError("events " + (sent() + 1) + " to " + through
                + " are no longer kept; the conversation's messages are at GET /api/v1/conversations/"
                + conversationId);
    }

    /** The writer's send: waits for room (the replay is paced by the client), then hands over in order. */
    private void sendEvent(LoggedEvent event, boolean more) throws InterruptedException {
        awaitRoom();
        lock.lock();
        try {
            socket.send(event.payload(), more, room::release);
            last = event.seq();
        } finally {
            lock.unlock();
        }
    }

    private void sendError(String message) throws InterruptedException {
        awaitRoom();
        socket.send(error(message), false, room::release);
    }

    private void awaitRoom() throws InterruptedException {
        if (!room.tryAcquire(STALL.toNanos(), TimeUnit.NANOSECONDS)) {
            lock.lock();
            try {
                drop();
            } finally {
                lock.unlock();
            }
            throw new Stalled();
        }
    }

    /** Delivery's send, under the lock: with no room left the client is too slow and is dropped. */
    private boolean handOver(LoggedEvent event, boolean more) {
        if (!room.tryAcquire()) {
            drop();
            return false;
        }
        socket.send(event.payload(), more, room::release);
        last = event.seq();
        return true;
    }

    /** Under the lock. */
    private void drop() {
        if (dropped) {
            return;
        }
        dropped = true;
        inStep = false;
        closed = true;
        onDropped.run();
        closeQuietly(CloseStatus.POLICY_VIOLATION.withReason("too slow: more than " + capacity
                + " events were waiting; reconnect with ?after=<the last seq received>"));
        queue.offer(WAKE);
        // A client that does not read at all never takes the close frame either.
        Thread.startVirtualThread(() -> {
            sleep(Duration.ofSeconds(2));
            if (socket.isOpen()) {
                socket.abort();
            }
        });
    }

    private ByteBuffer error(String message) {
        var node = json.createObjectNode();
        node.putNull("seq");
        node.put("type", "error");
        node.put("role", "system");
        node.put("content", message);
        node.put("timestamp", Instant.now().toString());
        return ByteBuffer.wrap(json.writeValueAsBytes(node));
    }

    private void closeQuietly(CloseStatus status) {
        closed = true;
        try {
            if (socket.isOpen()) {
                socket.close(status);
            }
        } catch (RuntimeException e) {
            log.debug("Closing a conversation socket failed: {}", e.toString());
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private record ConnectionError(String message) {}

    /** The client took no frame for {@link #STALL}: it was dropped. */
    private static final class Stalled extends RuntimeException {
        Stalled() {
            super(null, null, false, false);
        }
    }

    /**
     * A ping every interval, busy or not (traffic alone does not prove the client is there: writes
     * land in buffers); the client is given up on when two pings in a row got no pong.
     */
    static final class Heartbeat {
        private final long interval;
        private long due;
        private long lastPing;
        private int unanswered;
        private boolean pinged;

        Heartbeat(Duration interval, long now) {
            this.interval = interval.toNanos();
            this.due = now + this.interval;
        }

        long untilDue(long now) {
            return Math.max(0, due - now);
        }

        boolean due(long now) {
            return now - due >= 0;
        }

        /** Records a ping sent now; false when the client has missed too many to be pinged again. */
        boolean ping(long now, long lastPong) {
            unanswered = pinged && lastPong - lastPing < 0 ? unanswered + 1 : 0;
            if (unanswered >= 2) {
                return false;
            }
            pinged = true;
            lastPing = now;
            due = now + interval;
            return true;
        }
    }
}
