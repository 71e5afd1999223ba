package dev.quillstream.conversation.events;

import dev.quillstream.conversation.events.EventLog.LoggedEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Delivers each conversation's events to this node's subscribers on a short-lived virtual thread
 * of its own: one at a time per conversation, in the order handed over.
 *
 * <p>Why not deliver on the thread that receives them: each subscriber's writer is a virtual
 * thread, and a writer woken from a platform thread (Redis's subscription) waits in the
 * scheduler's shared queue behind every other woken virtual thread, on two busy cores 9–11 ms at
 * the median (docs/benchmarks.md). Woken from a virtual thread, it is queued on that thread's own
 * carrier and runs as soon as the relay ends, as writers woken by a job's thread do in-process. So
 * the receiving thread wakes one relay per conversation and batch instead of every writer.
 */
final class ConversationRelays {

    private final Subscribers subscribers;
    /** A conversation is here while its relay runs; its list holds what the relay has not taken yet. */
    private final Map<String, List<LoggedEvent>> pending = new ConcurrentHashMap<>();

    ConversationRelays(Subscribers subscribers) {
        this.subscribers = subscribers;
    }

    /** True when this node has subscribers to the conversation (else its events need not be read). */
    boolean wanted(String conversationId) {
        return subscribers.has(conversationId);
    }

    /** Hands the events over; they reach the subscribers after every event handed over before. */
    void deliver(String conversationId, List<LoggedEvent> events) {
        boolean[] start = {false};
        // compute() locks the conversation's entry: adding here and the relay's taking (or
        // ending) never interleave, so at most one relay runs per conversation.
        pending.compute(conversationId, (id, waiting) -> {
            if (waiting == null) {
                start[0] = true;
                return new ArrayList<>(events);
            }
            waiting.addAll(events);
            return waiting;
        });
        if (start[0]) {
            Thread.ofVirtual().name("relay-" + conversationId).start(() -> relay(conversationId));
        }
    }

    private void relay(String conversationId) {
        while (true) {
            List<LoggedEvent> taken = take(conversationId);
            if (taken == null) {
                return;
            }
            for (LoggedEvent event : taken) {
                subscribers.deliver(conversationId, event);
            }
        }
    }

    /** What is waiting, or null (and the relay ends) when nothing is. */
    private List<LoggedEvent> take(String conversationId) {
        List<List<LoggedEvent>> taken = new ArrayList<>(1);
        pending.compute(conversationId, (id, waiting) -> {
            if (waiting == null || waiting.isEmpty()) {
                return null;
            }
            taken.add(waiting);
            return new ArrayList<>(2);
        });
        return taken.isEmpty() ? null : taken.getFirst();
    }
}
