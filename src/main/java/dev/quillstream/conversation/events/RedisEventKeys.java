package dev.quillstream.conversation.events;

import java.nio.charset.StandardCharsets;

/**
 * Where the Redis event log keeps a conversation: {@code <prefix>conversation:<id>:seq} (the
 * counter), {@code …:events} (the Stream), and the one channel every node listens on, {@code
 * <prefix>conversation-events}.
 */
record RedisEventKeys(String prefix) {

    String seqKey(String conversationId) {
        return prefix + "conversation:" + conversationId + ":seq";
    }

    String eventsKey(String conversationId) {
        return prefix + "conversation:" + conversationId + ":events";
    }

    String channelName() {
        return prefix + "conversation-events";
    }

    byte[] seq(String conversationId) {
        return seqKey(conversationId).getBytes(StandardCharsets.UTF_8);
    }

    byte[] events(String conversationId) {
        return eventsKey(conversationId).getBytes(StandardCharsets.UTF_8);
    }

    byte[] channel() {
        return channelName().getBytes(StandardCharsets.UTF_8);
    }
}
