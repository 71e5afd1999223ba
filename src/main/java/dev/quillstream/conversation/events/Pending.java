package dev.quillstream.conversation.events;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/**
 * An event waiting to be appended, since {@code queuedAt} ({@link System#nanoTime()}). A content
 * delta stays open until the sender takes it: the next delta of its stream may be joined to it
 * meanwhile ({@link #join}), and then gets the same seq. Taking it ({@link #seal}) closes it.
 */
final class Pending {

    private final String conversationId;
    private final CompletableFuture<Long> seq;
    private final long queuedAt;
    private final @Nullable String stream;

    // Guarded by this.
    private EventLog.@Nullable Delta delta;
    private byte @Nullable [] body;
    private boolean sealed;
    private @Nullable List<CompletableFuture<Long>> joined;

    private Pending(String conversationId, byte[] body, EventLog.@Nullable Delta delta, CompletableFuture<Long> seq) {
        this.conversationId = conversationId;
        this.seq = seq;
        this.body = body;
        this.delta = delta;
        this.stream = delta == null ? null : delta.stream();
        this.queuedAt = System.nanoTime();
    }

    /** An event: {@code delta} when it is a content delta that may be joined to, else null. */
    static Pending of(String conversationId, String body, EventLog.@Nullable Delta delta) {
        return of(conversationId, body, delta, new CompletableFuture<>());
    }

    /** The same, completing {@code seq} once appended. */
    static Pending of(String conversationId, String body, EventLog.@Nullable Delta delta, CompletableFuture<Long> seq) {
        return new Pending(conversationId, body.getBytes(StandardCharsets.UTF_8), delta, seq);
    }

    String conversationId() {
        return conversationId;
    }

    long queuedAt() {
        return queuedAt;
    }

    /** The event's seq once appended; the deltas joined to it get the same. */
    CompletableFuture<Long> seq() {
        return seq;
    }

    /**
     * Joins {@code next} (the next delta of this one's stream) to this one unless it was taken or
     * they do not join; {@code nextSeq} then completes with this event's seq.
     */
    synchronized boolean join(EventLog.Delta next, CompletableFuture<Long> nextSeq) {
        EventLog.Delta both = sealed || delta == null ? null : delta.followedBy(next);
        if (both == null) {
            return false;
        }
        if (joined == null) {
            joined = new ArrayList<>(4);
            seq.whenComplete(this::completeJoined);
        }
        delta = both;
        body = null; // encoded again when taken
        joined.add(nextSeq);
        return true;
    }

    /** Taken by the sender: nothing joins it any more. Its body, with everything joined to it. */
    synchronized byte[] seal() {
        sealed = true;
        if (body == null) {
            body = delta.body().getBytes(StandardCharsets.UTF_8);
        }
        return body;
    }

    /** Its body, as it is sent: reading it for a batch takes it, so it is {@link #seal}ed. */
    byte[] body() {
        return seal();
    }

    /** The stream a delta continues (joining does not change it), or null for any other event. */
    @Nullable
    String stream() {
        return stream;
    }

    private void completeJoined(@Nullable Long appended, @Nullable Throwable error) {
        List<CompletableFuture<Long>> all;
        synchronized (this) {
            all = List.copyOf(joined);
        }
        for (CompletableFuture<Long> each : all) {
            if (error != null) {
                each.completeExceptionally(error);
            } else {
                each.complete(appended);
            }
        }
    }
}
