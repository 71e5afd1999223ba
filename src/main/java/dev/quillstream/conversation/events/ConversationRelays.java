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
 * <p>Why not deliver on the thread that receives them: delivering writes to the conversation's
 * sockets (non-blocking, but a system call per socket and batch), and Lettuce's one subscription
 * thread could not make 100,000 writes a second (tried: the delay grew to seconds, docs/benchmarks.md).
 * Relays run on every core, and a conversation's events that wait while its relay runs are taken,
 * and written, together.
 */
final class ConversationRelays {

    private final Subscribers subscribers;
    private final EventLogMetrics metrics;
    /** A conversation is here while its relay runs, with what the relay has not taken yet. */
    private final Map<String, Waiting> pending = new ConcurrentHashMap<>();

    ConversationRelays(Subscribers subscribers, EventLogMetrics metrics) {
        this.subscribers = subscribers;
        this.metrics = metrics;
    }

    /** True when this node has subscribers to the conversation (else its events need not be read). */
    boolean wanted(String conversationId) {
        return subscribers.has(conversationId);
    }

    /** Hands the events over; they reach the subscribers after every event handed over before. */
    void deliver(String conversationId, List<LoggedEvent> events) {
        long now = System.nanoTime();
        boolean[] start = {false};
        // compute() locks the conversation's entry: adding here and the relay's taking (or
        // ending) never interleave, so at most one relay runs per conversation.
        pending.compute(conversationId, (id, waiting) -> {
            if (waiting == null) {
                start[0] = true;
                waiting = new Waiting();
            }
            waiting.add(events, now);
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
            subscribers.deliver(conversationId, taken);
        }
    }

    /** What is waiting, or null (and the relay ends) when nothing is. */
    private List<LoggedEvent> take(String conversationId) {
        Waiting[] taken = new Waiting[1];
        pending.compute(conversationId, (id, waiting) -> {
            if (waiting == null || waiting.events.isEmpty()) {
                return null;
            }
            taken[0] = waiting;
            return new Waiting();
        });
        if (taken[0] == null) {
            return null;
        }
        metrics.relayWaited(System.nanoTime() - taken[0].since);
        return taken[0].events;
    }

    /** A conversation's events not taken yet, and when the oldest of them arrived. */
    private static final class Waiting {
        final List<LoggedEvent> events = new ArrayList<>(2);
        long since;

        void add(List<LoggedEvent> arrived, long now) {
            if (events.isEmpty()) {
                since = now;
            }
            events.addAll(arrived);
        }
    }
}
