package dev.quillstream.conversation.events;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * One call of the append script: the events of a batch grouped by conversation (each
 * conversation's in the order appended), as the script's keys and arguments.
 *
 * <p>The script takes each conversation's seqs with one {@code INCRBY}, adds each event to the
 * conversation's Stream under the entry id {@code <seq>-0} (the event is stored without its seq:
 * the id is the seq), refreshes the expiry of the conversations that ask for it (and of any it starts), and publishes
 * {@code <first seq>,<first seq>,...;} followed by the payload this class writes: per
 * conversation {@code <bytes>:<id><count>:}, then per event {@code <bytes>:<event>} (lengths in
 * bytes of UTF-8). It returns the first seqs. Doing the grouping and the payload here leaves the
 * script one {@code XADD} per event and no string building, which is where Redis spent its time.
 */
final class AppendBatch {

    /**
     * KEYS: per conversation, its seq counter and its Stream. ARGV: the Stream's cap, the
     * counter's and the Stream's time to live (ms), the channel, the payload, per conversation its
     * event count (negative: do not refresh the expiry), then every event, conversation by conversation.
     */
    static final String SCRIPT = """
            local capacity, retention, replayTtl, channel = ARGV[1], ARGV[2], ARGV[3], ARGV[4]
            local conversations = #KEYS / 2
            local firsts = {}
            local at = 6 + conversations
            for c = 1, conversations do
              local count = tonumber(ARGV[5 + c])
              local refresh = count > 0
              if not refresh then count = -count end
              local first = redis.call('INCRBY', KEYS[2 * c - 1], count) - count + 1
              if first == 1 then refresh = true end
              for i = 0, count - 1 do
                redis.call('XADD', KEYS[2 * c], 'MAXLEN', '~', capacity, (first + i) .. '-0', 'e', ARGV[at + i])
              end
              at = at + count
              firsts[c] = first
              if refresh then
                redis.call('PEXPIRE', KEYS[2 * c - 1], retention)
                redis.call('PEXPIRE', KEYS[2 * c], replayTtl)
              end
            end
            redis.call('PUBLISH', channel, table.concat(firsts, ',') .. ';' .. ARGV[5])
            return firsts
            """;

    static final byte[] SCRIPT_BYTES = SCRIPT.getBytes(StandardCharsets.UTF_8);

    /** The script's first four arguments: the same for every call of a log, so encoded once. */
    static byte[][] fixedArguments(int capacity, Duration retention, Duration replayTtl, RedisEventKeys names) {
        return new byte[][] {
            ascii(Integer.toString(capacity)),
            ascii(Long.toString(retention.toMillis())),
            ascii(Long.toString(replayTtl.toMillis())),
            names.channel()
        };
    }

    private final List<Group> groups;
    private final int size;
    final byte[][] keys;
    final byte[][] arguments;

    /**
     * @param fixed the script's first arguments, from {@link #fixedArguments}
     * @param refresh whether a conversation's expiry should be refreshed by this call
     */
    AppendBatch(List<Pending> events, RedisEventKeys names, byte[][] fixed, Predicate<String> refresh) {
        Map<String, Group> byConversation = new LinkedHashMap<>();
        for (Pending event : events) {
            byConversation
                    .computeIfAbsent(event.conversationId(), Group::new)
                    .events
                    .add(event);
        }
        this.groups = List.copyOf(byConversation.values());
        this.size = events.size();
        this.keys = new byte[groups.size() * 2][];
        this.arguments = new byte[fixed.length + 1 + groups.size() + events.size()][];
        System.arraycopy(fixed, 0, arguments, 0, fixed.length);
        ByteArrayOutputStream payload = new ByteArrayOutputStream(events.size() * 256);
        int counts = fixed.length + 1;
        int bodies = counts + groups.size();
        for (int c = 0; c < groups.size(); c++) {
            Group group = groups.get(c);
            keys[2 * c] = names.seq(group.conversationId);
            keys[2 * c + 1] = names.events(group.conversationId);
            int count = group.events.size();
            arguments[counts + c] = ascii(Integer.toString(refresh.test(group.conversationId) ? count : -count));
            framed(payload, group.conversationId.getBytes(StandardCharsets.UTF_8));
            payload.writeBytes(ascii(Integer.toString(count)));
            payload.write(':');
            for (Pending event : group.events) {
                framed(payload, event.body());
                arguments[bodies++] = event.body();
            }
        }
        arguments[fixed.length] = payload.toByteArray();
    }

    /** Gives every event its seq from the first seqs the script returned. */
    void completeWith(List<Object> firsts) {
        if (firsts.size() != groups.size()) {
            fail(new IllegalStateException("Redis answered the append with " + firsts.size() + " seqs for "
                    + groups.size() + " conversations"));
            return;
        }
        for (int c = 0; c < groups.size(); c++) {
            long seq = (Long) firsts.get(c);
            for (Pending event : groups.get(c).events) {
                event.seq().complete(seq++);
            }
        }
    }

    void fail(Throwable cause) {
        for (Group group : groups) {
            for (Pending event : group.events) {
                event.seq().completeExceptionally(cause);
            }
        }
    }

    int size() {
        return size;
    }

    private static void framed(ByteArrayOutputStream out, byte[] bytes) {
        out.writeBytes(ascii(Integer.toString(bytes.length)));
        out.write(':');
        out.writeBytes(bytes);
    }

    private static byte[] ascii(String number) {
        return number.getBytes(StandardCharsets.US_ASCII);
    }

    private static final class Group {
        final String conversationId;
        final List<Pending> events = new ArrayList<>();

        Group(String conversationId) {
            this.conversationId = conversationId;
        }
    }
}
