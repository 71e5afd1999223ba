package dev.quillstream.conversation.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/** The batch as the script gets it, and what it publishes read back the way every node reads it. */
class AppendBatchTest {

    private static final RedisEventKeys KEYS = new RedisEventKeys("q:");
    private static final byte[][] FIXED =
            AppendBatch.fixedArguments(20_000, Duration.ofSeconds(1), Duration.ofMillis(500), KEYS);

    @Test
    void eventsAreGroupedByConversationInTheOrderAppendedWithOneCountAndPairOfKeysEach() {
        AppendBatch batch = givenABatch(
                event("a", "{\"n\":1}"), event("b", "{\"n\":2}"), event("a", "{\"n\":3}"), event("c", "{\"n\":4}"));

        assertThat(batch.size()).isEqualTo(4);
        assertThat(strings(batch.keys))
                .containsExactly(
                        "q:conversation:a:seq", "q:conversation:a:events",
                        "q:conversation:b:seq", "q:conversation:b:events",
                        "q:conversation:c:seq", "q:conversation:c:events");
        List<String> arguments = strings(batch.arguments);
        assertThat(arguments.subList(0, 4)).containsExactly("20000", "1000", "500", "q:conversation-events");
        assertThat(arguments.subList(5, 8)).as("counts").containsExactly("2", "1", "1");
        assertThat(arguments.subList(8, 12))
                .as("events, conversation by conversation")
                .containsExactly("{\"n\":1}", "{\"n\":3}", "{\"n\":2}", "{\"n\":4}");
    }

    @Test
    void aConversationWhoseExpiryWasRefreshedRecentlyIsSentWithANegativeCount() {
        AppendBatch batch = new AppendBatch(
                List.of(event("a", "{}"), event("a", "{}"), event("b", "{}")), KEYS, FIXED, id -> id.equals("b"));
        assertThat(strings(batch.arguments).subList(5, 7)).containsExactly("-2", "1");
    }

    @Test
    void thePublishedBatchReadsBackAsEveryEventWithItsConversationAndSeqInOrder() {
        Pending first = event("conversation-ü", "{\"content\":\"naïve ✓\",\"n\":1}");
        Pending second = event("b", "{\"n\":2}");
        Pending third = event("conversation-ü", "{\"n\":3}");
        AppendBatch batch = givenABatch(first, second, third);

        assertThat(read(published(batch, 41, 7), id -> true))
                .containsExactly(
                        "conversation-ü {\"seq\":41,\"content\":\"naïve ✓\",\"n\":1}",
                        "conversation-ü {\"seq\":42,\"n\":3}",
                        "b {\"seq\":7,\"n\":2}");
    }

    @Test
    void anEventWithNoFieldsReadsBackAsItsSeqAlone() {
        AppendBatch batch = givenABatch(event("a", "{}"));

        assertThat(read(published(batch, 5), id -> true)).containsExactly("a {\"seq\":5}");
    }

    @Test
    void onlyTheConversationsThisNodeWantsAreReadOutOfAPublishedBatch() {
        AppendBatch batch = givenABatch(
                event("a", "{\"n\":1}"), event("b", "{\"n\":2}"), event("c", "{\"n\":3}"), event("b", "{\"n\":4}"));

        assertThat(read(published(batch, 5, 9, 1), "b"::equals))
                .containsExactly("b {\"seq\":9,\"n\":2}", "b {\"seq\":10,\"n\":4}");
        assertThat(read(published(batch, 5, 9, 1), id -> false)).isEmpty();
    }

    @Test
    void theScriptsFirstSeqsGiveEachEventItsOwn() {
        Pending a1 = event("a", "{}");
        Pending b1 = event("b", "{}");
        Pending a2 = event("a", "{}");
        AppendBatch batch = givenABatch(a1, b1, a2);

        batch.completeWith(List.of(10L, 3L));

        assertThat(List.of(a1.seq().join(), a2.seq().join(), b1.seq().join())).containsExactly(10L, 11L, 3L);
    }

    @Test
    void anAnswerThatDoesNotFitTheBatchFailsEveryEventInsteadOfGuessing() {
        Pending a = event("a", "{}");
        Pending b = event("b", "{}");
        givenABatch(a, b).completeWith(List.of(1L));
        assertThat(a.seq()).isCompletedExceptionally();
        assertThat(b.seq()).isCompletedExceptionally();
    }

    @Test
    void aMessageThatIsNotAPublishedBatchIsRefusedWithoutReadingPastItsEnd() {
        for (String malformed :
                List.of("", ";", "1", "1;", "1;3:ab", "1;1:a2:", "1;1:a1:9:{}", "x;1:a1:2:{}", "1;1:a1:2:{}junk")) {
            for (boolean wanted : new boolean[] {true, false}) { // read, or skipped
                assertThatThrownBy(() -> read(bytes(malformed), id -> wanted))
                        .as(malformed)
                        .isInstanceOf(IllegalArgumentException.class);
            }
        }
    }

    /** Each event read, as {@code <conversation> <event>}, in the order read. */
    private static List<String> read(byte[] published, Predicate<String> wanted) {
        List<String> read = new ArrayList<>();
        PublishedBatch.forEachConversation(published, wanted, (id, events) -> {
            assertThat(events).as("one call per conversation").isNotEmpty();
            events.forEach(event -> read.add(id + " " + event.json()));
        });
        return read;
    }

    /** What the script publishes: the first seq of each conversation, then the payload. */
    private static byte[] published(AppendBatch batch, long... firsts) {
        StringBuilder header = new StringBuilder();
        for (long first : firsts) {
            header.append(header.isEmpty() ? "" : ",").append(first);
        }
        byte[] head = bytes(header + ";");
        byte[] payload = batch.arguments[FIXED.length];
        byte[] all = new byte[head.length + payload.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(payload, 0, all, head.length, payload.length);
        return all;
    }

    private static AppendBatch givenABatch(Pending... events) {
        return new AppendBatch(List.of(events), KEYS, FIXED, id -> true);
    }

    private static Pending event(String conversation, String body) {
        return Pending.of(conversation, body, null);
    }

    private static List<String> strings(byte[][] values) {
        List<String> strings = new ArrayList<>();
        for (byte[] value : values) {
            strings.add(new String(value, StandardCharsets.UTF_8));
        }
        return strings;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
