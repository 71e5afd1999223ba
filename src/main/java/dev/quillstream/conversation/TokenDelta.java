package dev.quillstream.conversation;

import dev.quillstream.conversation.events.EventLog;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * A {@code token} event as a delta the event log may join to the next one of the same job, step
 * and part (see {@link EventLog#appendDelta}). A joined event carries the text of both, the first
 * one's timestamp (so a client measuring delay from it overstates, never understates, the later
 * ones') and, in {@code data.tokens}, how many of the model's deltas it holds.
 *
 * @param tokens how many of the model's deltas {@code event} holds
 * @param stream the job's text of one step and part, in the role and type it is streamed as (made
 *     once: the log looks it up for every token)
 */
record TokenDelta(ConversationEvent event, int tokens, String stream, Function<ConversationEvent, String> render)
        implements EventLog.Delta {

    /** A joined event's text stays under this (UTF-16 chars), so an event stays a modest frame. */
    static final int MAX_CONTENT = 8 * 1024;

    TokenDelta(ConversationEvent event, Function<ConversationEvent, String> render) {
        this(
                event,
                1,
                event.type() + "|" + event.role() + "|" + event.jobId() + "|" + event.step() + "|" + part(event),
                render);
    }

    @Override
    public String body() {
        return render.apply(event);
    }

    @Override
    public EventLog.@Nullable Delta followedBy(EventLog.Delta next) {
        if (!(next instanceof TokenDelta other)
                || !stream.equals(other.stream)
                || event.content().length() + other.event.content().length() > MAX_CONTENT) {
            return null;
        }
        Map<String, Object> data = new LinkedHashMap<>(event.data() == null ? Map.of() : event.data());
        data.put("tokens", tokens + other.tokens);
        return new TokenDelta(
                new ConversationEvent(
                        event.type(),
                        event.role(),
                        event.content() + other.event.content(),
                        event.timestamp(),
                        event.jobId(),
                        event.step(),
                        data),
                tokens + other.tokens,
                stream,
                render);
    }

    private static @Nullable Object part(ConversationEvent event) {
        return event.data() == null ? null : event.data().get("part");
    }
}
