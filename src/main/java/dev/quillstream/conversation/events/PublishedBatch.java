package dev.quillstream.conversation.events;

import dev.quillstream.conversation.events.EventLog.LoggedEvent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * Reads a batch as {@link AppendBatch}'s script publishes it: {@code <first seq>,<first seq>,...;}
 * and then per conversation {@code <bytes>:<id><count>:} followed by its events, each {@code
 * <bytes>:<event without seq>} (lengths in bytes of UTF-8), in seq order.
 */
final class PublishedBatch {

    private PublishedBatch() {}

    /** Each event with its conversation, in the order published. */
    static void forEach(byte[] batch, BiConsumer<String, LoggedEvent> action) {
        Reader reader = new Reader(batch);
        List<Long> firsts = reader.firsts();
        for (long first : firsts) {
            String conversationId = reader.text(reader.length());
            int count = reader.length();
            for (int i = 0; i < count; i++) {
                action.accept(conversationId, LoggedEvent.of(first + i, reader.text(reader.length())));
            }
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
            long value = 0;
            int digits = 0;
            while (at < batch.length) {
                byte b = batch[at++];
                if (b == ',' || b == ';') {
                    if (digits == 0) {
                        throw malformed();
                    }
                    firsts.add(value);
                    value = 0;
                    digits = 0;
                    if (b == ';') {
                        return firsts;
                    }
                } else if (b >= '0' && b <= '9' && ++digits <= 18) {
                    value = value * 10 + (b - '0');
                } else {
                    throw malformed();
                }
            }
            throw malformed();
        }

        boolean atEnd() {
            return at == batch.length;
        }

        /** {@code <digits>:}, read up to and including the colon. */
        int length() {
            int value = 0;
            int digits = 0;
            while (at < batch.length && batch[at] != ':') {
                byte b = batch[at++];
                if (b < '0' || b > '9' || ++digits > 9) {
                    throw malformed();
                }
                value = value * 10 + (b - '0');
            }
            if (digits == 0 || at++ >= batch.length) {
                throw malformed();
            }
            return value;
        }

        String text(int bytes) {
            if (bytes > batch.length - at) {
                throw malformed();
            }
            String text = new String(batch, at, bytes, StandardCharsets.UTF_8);
            at += bytes;
            return text;
        }

        IllegalArgumentException malformed() {
            return new IllegalArgumentException("not a published batch of events (at byte " + at + ")");
        }
    }
}
