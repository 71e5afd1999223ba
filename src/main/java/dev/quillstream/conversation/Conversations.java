package dev.quillstream.conversation;

import dev.quillstream.conversation.events.EventLog;
import dev.quillstream.jobs.Jobs;
import dev.quillstream.jobs.NewJob;
import dev.quillstream.platform.cache.SharedCache;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Conversations: created by the first generation (or WebSocket) that names a new id, owned by that
 * account, kept until 30 days after their last activity. Every message is stored and appended to
 * the conversation's event stream; a user's message about a conversation that has content asks
 * for a revision of it, run as a {@code blog.revision} job.
 */
@Service
public class Conversations {

    /** The job kind a user's message on a conversation with content starts. */
    public static final String REVISION_JOB = "blog.revision";

    private static final Logger log = LoggerFactory.getLogger(Conversations.class);
    private static final Duration HEAD_TTL = Duration.ofHours(1);

    private final ConversationStore store;
    private final EventLog events;
    private final SharedCache cache;
    private final Jobs jobs;
    private final JsonMapper json;
    private final Duration ttl;
    private final StreamFailures streamFailures = new StreamFailures(Duration.ofSeconds(10));

    Conversations(
            ConversationStore store,
            EventLog events,
            SharedCache cache,
            Jobs jobs,
            JsonMapper json,
            @Value("${quillstream.conversation.ttl:30d}") Duration ttl) {
        this.store = store;
        this.events = events;
        this.cache = cache;
        this.jobs = jobs;
        this.json = json;
        this.ttl = ttl;
    }

    /**
     * Creates the conversation for {@code owner} unless it exists.
     *
     * @throws ConversationNotFound when it exists and belongs to another account (not revealed as such)
     */
    public void open(UUID owner, String id) {
        validate(id);
        Optional<ConversationStore.Head> head = head(id);
        UUID actual = head.isPresent() ? head.get().owner() : store.createIfAbsent(id, owner);
        if (!actual.equals(owner)) {
            throw new ConversationNotFound(id);
        }
    }

    /** Stores a message and appends it to the stream; a user's message on content starts a revision job. */
    public long say(UUID owner, String id, String role, String content) {
        ConversationStore.Head head = owned(owner, id);
        if (!"user".equals(role) || head.contentId() == null) {
            return message(id, role, content, null);
        }
        // The message is streamed before its job is queued, so it precedes every event of the job.
        UUID revision = UUID.randomUUID();
        long seq = message(id, role, content, revision);
        ObjectNode payload = json.createObjectNode();
        payload.put("content_id", head.contentId().toString());
        payload.put("instruction", content);
        jobs.enqueue(revision, new NewJob(REVISION_JOB, owner, id, payload));
        return seq;
    }

    /** Stores and streams a message of the conversation (the caller checked ownership). */
    long message(String id, String role, String content, @Nullable UUID job) {
        Instant at = store.addMessage(id, role, content, job);
        return append(id, new ConversationEvent("message", role, content, at, job, null, null));
    }

    /** Appends an event to the conversation's stream; returns its seq. */
    public long append(String id, ConversationEvent event) {
        return events.append(id, body(event));
    }

    /**
     * Appends an event without waiting for its seq (tokens and progress: the job goes on while Redis
     * appends). Events one thread streams keep their order, also with its {@link #append}s; a
     * failure is logged, as a job must not fail because its watchers cannot be reached. A token is
     * a delta the log may join to the next while both wait ({@link TokenDelta}).
     */
    void stream(String id, ConversationEvent event) {
        CompletableFuture<Long> appended = "token".equals(event.type())
                ? events.appendDelta(id, new TokenDelta(event, this::body))
                : events.appendAsync(id, body(event));
        appended.whenComplete((seq, error) -> {
            if (error != null) {
                streamFailures.record(id, error);
            }
        });
    }

    /** The event as JSON, written straight to text (no tree of nodes: this runs for every token). */
    private String body(ConversationEvent event) {
        StringWriter out = new StringWriter(192);
        try (JsonGenerator body = json.createGenerator(out)) {
            body.writeStartObject();
            body.writeStringProperty("type", event.type());
            body.writeStringProperty("role", event.role());
            body.writeStringProperty("content", event.content());
            body.writeStringProperty("timestamp", event.timestamp().toString());
            if (event.jobId() != null) {
                body.writeStringProperty("job_id", event.jobId().toString());
            }
            if (event.step() != null) {
                body.writeStringProperty("step", event.step());
            }
            if (event.data() != null) {
                body.writePOJOProperty("data", event.data());
            }
            body.writeEndObject();
        }
        return out.toString();
    }

    /** Records the content a job of the conversation produced: later user messages revise it. */
    void produced(String id, UUID content) {
        store.setContent(id, content);
        cache.evict(headKey(id));
    }

    public Optional<Conversation> find(UUID owner, String id, int page, int size) {
        return head(id).filter(h -> h.owner().equals(owner))
                .map(h -> new Conversation(
                        h.id(),
                        h.contentId(),
                        h.createdAt(),
                        h.lastActiveAt(),
                        store.messages(id, page, size),
                        page,
                        size,
                        store.countMessages(id),
                        events.lastSeq(id)));
    }

    public boolean delete(UUID owner, String id) {
        boolean deleted = store.delete(id, owner);
        if (deleted) {
            cache.evict(headKey(id));
            events.forget(id);
        }
        return deleted;
    }

    /** The conversation's owner check, for the WebSocket handshake and its messages. */
    ConversationStore.Head owned(UUID owner, String id) {
        return head(id).filter(h -> h.owner().equals(owner)).orElseThrow(() -> new ConversationNotFound(id));
    }

    /** Conversations idle for 30 days (QUILLSTREAM_CONVERSATION_TTL) are deleted, with their events. */
    @Scheduled(fixedDelayString = "${quillstream.conversation.purge-interval:1h}", initialDelayString = "1m")
    void purgeIdle() {
        for (String id : store.purgeIdle(ttl)) {
            cache.evict(headKey(id));
            events.forget(id);
        }
    }

    private Optional<ConversationStore.Head> head(String id) {
        Optional<String> cached = cache.get(headKey(id));
        if (cached.isPresent()) {
            try {
                return Optional.of(json.readValue(cached.get(), ConversationStore.Head.class));
            } catch (RuntimeException e) {
                log.debug("Unreadable cached conversation {}", id, e);
            }
        }
        Optional<ConversationStore.Head> head = store.head(id);
        head.ifPresent(h -> cache.put(headKey(id), json.writeValueAsString(h), HEAD_TTL));
        return head;
    }

    private static String headKey(String id) {
        return "conversation:head:" + id;
    }

    /** Refuses an id no conversation can have, with {@link InvalidConversationId}. */
    public static void validate(String id) {
        if (id.isBlank() || id.length() > 100 || !id.matches("[A-Za-z0-9._:-]+")) {
            throw new InvalidConversationId(id);
        }
    }

    /** A conversation id that cannot be used (empty, too long, or with characters outside the allowed set). */
    public static final class InvalidConversationId extends IllegalArgumentException {
        public InvalidConversationId(String id) {
            super("must be 1-100 letters, digits or . _ : - (was '"
                    + (id.length() > 40 ? id.substring(0, 40) + "..." : id) + "')");
        }
    }

    /** No conversation of this id is visible to the caller. */
    public static final class ConversationNotFound extends RuntimeException {
        public ConversationNotFound(String id) {
            super("no conversation " + id);
        }
    }
}
