package dev.quillstream.conversation.web;

import dev.quillstream.conversation.events.EventLog;
import dev.quillstream.conversation.events.EventLog.LoggedEvent;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.PingMessage;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.adapter.NativeWebSocketSession;
import tools.jackson.databind.json.JsonMapper;

/**
 * One WebSocket's view of a conversation's stream: replay after the client's {@code seq}, then live,
 * with no gap and no duplicate. It subscribes <em>before</em> it reads the log, so an event is
 * either in what it reads or arrives live afterwards (or both: anything at or below the last
 * {@code seq} sent is skipped). A live event beyond the next expected {@code seq} (pub/sub lost
 * one) is preceded by the missing ones, read from the log. Only this feed's own virtual thread
 * writes to the socket; delivery just offers to a bounded queue, so a slow client never slows the
 * server: when its queue is full it is sent an {@code error} event and closed.
 */
final class ConversationFeed implements EventLog.Subscriber {

    private static final Logger log = LoggerFactory.getLogger(ConversationFeed.class);
    private static final int PAGE = 1000;
    private static final Object OVERFLOW = new Object();
    private static final Object WAKE = new Object();

    private final WebSocketSession session;
    private final String conversationId;
    private final EventLog events;
    private final JsonMapper json;
    private final Duration pingInterval;
    private final ArrayBlockingQueue<Object> queue;
    private final int capacity;
    private final Runnable onDropped;
    /**
     * Guards what delivery threads and the writer share. A lock, not {@code synchronized}: with Redis
     * this node's jobs and the pub/sub thread deliver at the same time, and contended monitors are
     * what held virtual threads back for seconds in the in-process log (see {@code InMemoryEventLog}).
     */
    private final ReentrantLock lock = new ReentrantLock();

    private boolean replaying = true;
    private boolean droppedDuringReplay;
    private boolean overflowed;
    private volatile boolean closed;
    /** Set by {@link #resync}: the writer reads the log after {@code last} before anything else. */
    private volatile boolean resync;

    private volatile long lastPong = System.nanoTime();
    private long last;
    private jakarta.websocket.RemoteEndpoint.@Nullable Basic batching;
    /** The highest seq offered to the queue: a copy of an event already queued is not queued again. */
    private long lastQueued;

    ConversationFeed(
            WebSocketSession session,
            String conversationId,
            long after,
            EventLog events,
            JsonMapper json,
            int capacity,
            Duration pingInterval,
            Runnable onDropped) {
        this.onDropped = onDropped;
        this.session = session;
        this.conversationId = conversationId;
        this.events = events;
        this.json = json;
        this.pingInterval = pingInterval;
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.capacity = capacity;
        this.last = after;
    }

    /** Live delivery, on the log's delivery thread: never blocks. */
    @Override
    public void accept(LoggedEvent event) {
        lock.lock();
        try {
            offer(event);
        } finally {
            lock.unlock();
        }
    }

    private void offer(LoggedEvent event) {
        if (overflowed || closed || event.seq() <= lastQueued) {
            return; // an older event arriving late is read from the log when its gap is seen
        }
        if (queue.offer(event)) {
            lastQueued = event.seq();
            return;
        }
        if (replaying) {
            droppedDuringReplay = true; // still in the log: read again after the replay
            return;
        }
        overflowed = true;
        onDropped.run();
        queue.clear();
        queue.offer(OVERFLOW);
        // If the client does not read at all, the writer is stuck in a write: close from outside.
        Thread.startVirtualThread(() -> {
            sleep(Duration.ofSeconds(2));
            closeQuietly(CloseStatus.POLICY_VIOLATION.withReason("too slow: events were not read in time"));
        });
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
        batching = batchingRemote(session);
        try (AutoCloseable subscription = events.subscribe(conversationId, this)) {
            long newest = events.lastSeq(conversationId);
            if (last > newest) {
                send(error("there are no events after " + last + " (the stream holds " + newest
                        + "): it was restarted or deleted; continuing from " + newest));
                last = newest;
            }
            sendFromLog(newest);
            lock.lock();
            try {
                replaying = false;
            } finally {
                lock.unlock();
            }
            if (droppedDuringReplay) {
                sendFromLog();
            }
            flush();
            Heartbeat heartbeat = new Heartbeat(pingInterval, System.nanoTime());
            while (!closed && session.isOpen()) {
                if (queue.isEmpty()) {
                    flush();
                }
                Object item = queue.poll(heartbeat.untilDue(System.nanoTime()), TimeUnit.NANOSECONDS);
                long now = System.nanoTime();
                if (heartbeat.due(now)) {
                    if (!heartbeat.ping(now, lastPong)) {
                        closeQuietly(CloseStatus.SESSION_NOT_RELIABLE.withReason("no pong"));
                        return;
                    }
                    session.sendMessage(new PingMessage());
                    flush();
                }
                if (resync) {
                    resync = false;
                    sendFromLog(events.lastSeq(conversationId));
                }
                if (item == null || item == WAKE) {
                    continue;
                } else if (item == OVERFLOW) {
                    send(error("this client did not keep up with the stream (more than " + capacity
                            + " events waiting); reconnect with ?after=" + last));
                    flush();
                    closeQuietly(CloseStatus.POLICY_VIOLATION.withReason("too slow"));
                    return;
                } else if (item instanceof ConnectionError problem) {
                    send(error(problem.message()));
                } else if (item instanceof LoggedEvent event && event.seq() > last) {
                    if (event.seq() > last + 1) {
                        sendFromLog(event.seq() - 1);
                    }
                    if (event.seq() == last + 1) {
                        sendEvent(event);
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            log.debug("Conversation feed of {} ended: {}", conversationId, e.toString());
        } finally {
            closeQuietly(CloseStatus.NORMAL);
        }
    }

    /**
     * Frames are written as they come but flushed only when the queue is empty: a client that
     * falls behind gets the backlog in a few large writes instead of one write per event.
     */
    private static jakarta.websocket.RemoteEndpoint.@Nullable Basic batchingRemote(WebSocketSession session) {
        if (session instanceof NativeWebSocketSession nativeSession
                && nativeSession.getNativeSession() instanceof jakarta.websocket.Session standard) {
            try {
                standard.getBasicRemote().setBatchingAllowed(true);
                return standard.getBasicRemote();
            } catch (IOException e) {
                log.debug("No batching for this socket: {}", e.toString());
            }
        }
        return null;
    }

    private void flush() throws IOException {
        if (batching != null) {
            batching.flushBatch();
        }
    }

    private void sendFromLog() throws IOException {
        sendFromLog(Long.MAX_VALUE);
    }

    /**
     * Sends the logged events after {@code last} up to {@code until}, telling the client about any it
     * can no longer get. Every event up to {@code until} was appended before this call (it was
     * delivered live, or counted by {@code lastSeq}), so what the log lacks of them was trimmed: the
     * client is told, and the feed goes on after {@code until} instead of waiting for them forever.
     */
    private void sendFromLog(long until) throws IOException {
        while (true) {
            List<LoggedEvent> page = events.range(conversationId, last, until, PAGE);
            for (LoggedEvent event : page) {
                if (event.seq() > last + 1) {
                    sendGone(event.seq() - 1);
                }
                sendEvent(event);
            }
            if (page.size() < PAGE) {
                break;
            }
        }
        if (until != Long.MAX_VALUE && last < until) {
            sendGone(until);
            last = until;
        }
    }

    private void sendGone(long through) throws IOException {
        send(error("events " + (last + 1) + " to " + through
                + " are no longer kept; the conversation's messages are at GET /api/v1/conversations/"
                + conversationId));
    }

    private void sendEvent(LoggedEvent event) throws IOException {
        session.sendMessage(new TextMessage(event.json()));
        last = event.seq();
    }

    private void send(String frame) throws IOException {
        session.sendMessage(new TextMessage(frame));
    }

    private String error(String message) {
        var node = json.createObjectNode();
        node.putNull("seq");
        node.put("type", "error");
        node.put("role", "system");
        node.put("content", message);
        node.put("timestamp", Instant.now().toString());
        return json.writeValueAsString(node);
    }

    private void closeQuietly(CloseStatus status) {
        closed = true;
        try {
            if (session.isOpen()) {
                session.close(status);
            }
        } catch (IOException | RuntimeException e) {
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
