package dev.quillstream.conversation.events;

import dev.quillstream.conversation.events.EventLog.LoggedEvent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Predicate;

/**
 * Reads a batch as {@link AppendBatch}'s script publishes it: {@code <first seq>,<first seq>,...;}
 * and then per conversation {@code <bytes>:<id><count>:} followed by its events, each {@code
 * <bytes>:<event without seq>} (lengths in bytes of UTF-8), in seq order.
 */
final class PublishedBatch {

    private PublishedBatch() {}

    /**
     * Each wanted conversation's events, in the order published; the events of the others are
     * skipped without being decoded.
     */
    static void forEachConversation(
            byte[] batch, Predicate<String> wanted, BiConsumer<String, List<LoggedEvent>> action) {
        Reader reader = new Reader(batch);
        List<Long> firsts = reader.firsts();
        for (long first : firsts) {
            String conversationId = reader.text(reader.length());
            int count = reader.length();
            if (!wanted.test(conversationId)) {
                for (int i = 0; i < count; i++) {
                    reader.skip(reader.length());
                }
                continue;
            }
            List<LoggedEvent> events = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                events.add(reader.event(first + i, reader.length()));
            }
            action.accept(conversationId, events);
        }
        if (!reader.atEnd()) {
            throw reader.malformed();
        }
    }

    private static final class Reader {
        private final byte[] batch;
        private int at;

        Reader(byte[] batch) {
            this.batch = batch;
        }

        /** {@code <seq>,<seq>,...;} */
        List<Long> firsts() {
            List<Long> firsts = new ArrayList<>();
            byte separator;
            do {
                firsts.add(digits(18));
                separator = next();
            } while (separator == ',');
            if (separator != ';') {
                throw malformed();
            }
            return firsts;
        }

        boolean atEnd() {
            return at == batch.length;
        }

        /** {@code <digits>:}, read up to and including the colon. */
        int length() {
            int value = (int) digits(9);
            if (next() != ':') {
                throw malformed();
            }
            return value;
        }

        /** One or more digits (at most {@code most}), read up to the first byte that is not one. */
        private long digits(int most) {
            int start = at;
            long value = 0;
            while (at < batch.length && batch[at] >= '0' && batch[at] <= '9') {
                if (at - start == most) {
                    throw malformed();
                }
                value = value * 10 + (batch[at++] - '0');
            }
            if (at == start) {
                throw malformed();
            }
            return value;
        }

        private byte next() {
            if (at >= batch.length) {
                throw malformed();
            }
            return batch[at++];
        }

        String text(int bytes) {
            String text = new String(batch, at, checked(bytes), StandardCharsets.UTF_8);
            at += bytes;
            return text;
        }

        /** The next {@code bytes} bytes, an event without its seq, as the full event: never decoded. */
        LoggedEvent event(long seq, int bytes) {
            LoggedEvent event = LoggedEvent.of(seq, batch, at, checked(bytes));
            at += bytes;
            return event;
        }

        void skip(int bytes) {
            at += checked(bytes);
        }

        private int checked(int bytes) {
            if (bytes > batch.length - at) {
                throw malformed();
            }
            return bytes;
        }

        IllegalArgumentException malformed() {
            return new IllegalArgumentException("not a published batch of events (at byte " + at + ")");
        }
    }
}
