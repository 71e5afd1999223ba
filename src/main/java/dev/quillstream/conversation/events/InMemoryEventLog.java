package dev.quillstream.conversation.events;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The event log of a single node (no {@code REDIS_URL}): per conversation, the last {@code
 * capacity} events in memory. It does not survive a restart: after one, {@code seq} starts again
 * at 1 (messages themselves are in PostgreSQL).
 */
public final class InMemoryEventLog implements EventLog {

    private final int capacity;
    private final Map<String, Stream> streams = new ConcurrentHashMap<>();
    private final Subscribers subscribers = new Subscribers();

    public InMemoryEventLog(int capacity) {
        this.capacity = capacity;
    }

    @Override
    public long append(String conversationId, String body) {
        Stream stream = streams.computeIfAbsent(conversationId, id -> new Stream());
        // One lock per conversation: seq order, log order and delivery order are the same.
        synchronized (stream) {
            LoggedEvent event = LoggedEvent.of(++stream.last, body);
            stream.events.addLast(event);
            if (stream.events.size() > capacity) {
                stream.events.removeFirst();
            }
            subscribers.deliver(conversationId, event);
            return event.seq();
        }
    }

    @Override
    public List<LoggedEvent> range(String conversationId, long after, long until, int limit) {
        Stream stream = streams.get(conversationId);
        if (stream == null) {
            return List.of();
        }
        synchronized (stream) {
            List<LoggedEvent> found = new ArrayList<>();
            for (LoggedEvent event : stream.events) {
                if (event.seq() > after && event.seq() <= until && found.size() < limit) {
                    found.add(event);
                }
            }
            return found;
        }
    }

    @Override
    public long lastSeq(String conversationId) {
        Stream stream = streams.get(conversationId);
        if (stream == null) {
            return 0;
        }
        synchronized (stream) {
            return stream.last;
        }
    }

    @Override
    public AutoCloseable subscribe(String conversationId, Consumer<LoggedEvent> subscriber) {
        return subscribers.add(conversationId, subscriber);
    }

    @Override
    public void forget(String conversationId) {
        streams.remove(conversationId);
    }

    private static final class Stream {
        long last;
        final ArrayDeque<LoggedEvent> events = new ArrayDeque<>();
    }
}
