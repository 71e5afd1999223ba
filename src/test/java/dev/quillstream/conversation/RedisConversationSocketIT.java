package dev.quillstream.conversation;

import dev.quillstream.QuillstreamApplication;
import dev.quillstream.testing.TestDatabase;
import java.util.UUID;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@link ConversationSocketIT} with the Redis event log (Stream + pub/sub) and the Redis cache. */
@SpringBootTest(
        classes = QuillstreamApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "quillstream.bootstrap-api-key=" + ConversationSocketIT.KEY,
            "quillstream.jobs.poll-interval=100ms",
            "quillstream.websocket.max-sockets-per-account=" + ConversationSocketIT.SOCKETS_PER_ACCOUNT,
            "quillstream.redis-url=redis://127.0.0.1:6379/0"
        })
class RedisConversationSocketIT extends ConversationSocketIT {

    @DynamicPropertySource
    static void redis(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry, "conversation_redis");
        registry.add("quillstream.redis-prefix", () -> "test:" + UUID.randomUUID() + ":");
    }
}
