package dev.quillstream.conversation.events;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** This node's subscribers per conversation; both logs deliver through it. */
final class Subscribers {

    private static final Logger log = LoggerFactory.getLogger(Subscribers.class);

    private final Map<String, Set<Consumer<EventLog.LoggedEvent>>> byConversation = new ConcurrentHashMap<>();

    AutoCloseable add(String conversationId, Consumer<EventLog.LoggedEvent> subscriber) {
        byConversation
                .computeIfAbsent(conversationId, id -> ConcurrentHashMap.newKeySet())
                .add(subscriber);
        return () -> byConversation.computeIfPresent(conversationId, (id, set) -> {
            set.remove(subscriber);
            return set.isEmpty() ? null : set;
        });
    }

    void deliver(String conversationId, EventLog.LoggedEvent event) {
        Set<Consumer<EventLog.LoggedEvent>> subscribers = byConversation.get(conversationId);
        if (subscribers == null) {
            return;
        }
        for (Consumer<EventLog.LoggedEvent> subscriber : subscribers) {
            try {
                subscriber.accept(event);
            } catch (RuntimeException e) {
                log.warn("A subscriber of conversation {} failed", conversationId, e);
            }
        }
    }
}
