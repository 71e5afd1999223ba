package dev.quillstream.conversation.events;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** This node's subscribers per conversation; both logs deliver through it. */
final class Subscribers {

    private static final Logger log = LoggerFactory.getLogger(Subscribers.class);

    private final Map<String, Set<EventLog.Subscriber>> byConversation = new ConcurrentHashMap<>();

    AutoCloseable add(String conversationId, EventLog.Subscriber subscriber) {
        byConversation
                .computeIfAbsent(conversationId, id -> ConcurrentHashMap.newKeySet())
                .add(subscriber);
        return () -> byConversation.computeIfPresent(conversationId, (id, set) -> {
            set.remove(subscriber);
            return set.isEmpty() ? null : set;
        });
    }

    boolean has(String conversationId) {
        return byConversation.containsKey(conversationId);
    }

    void deliver(String conversationId, List<EventLog.LoggedEvent> events) {
        Set<EventLog.Subscriber> subscribers = byConversation.get(conversationId);
        if (subscribers == null) {
            return;
        }
        for (EventLog.Subscriber subscriber : subscribers) {
            try {
                subscriber.acceptAll(events);
            } catch (RuntimeException e) {
                log.warn("A subscriber of conversation {} failed", conversationId, e);
            }
        }
    }

    /** Tells every subscriber on this node that it may have missed live events. */
    void resyncAll() {
        byConversation.forEach((conversationId, subscribers) -> {
            for (EventLog.Subscriber subscriber : subscribers) {
                try {
                    subscriber.resync();
                } catch (RuntimeException e) {
                    log.warn("A subscriber of conversation {} failed to resync", conversationId, e);
                }
            }
        });
    }
}
