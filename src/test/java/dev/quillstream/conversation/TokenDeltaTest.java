package dev.quillstream.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TokenDeltaTest {

    private static final UUID JOB = UUID.randomUUID();
    private static final Instant FIRST = Instant.parse("2026-12-08T04:00:00.000001Z");

    @Test
    void tokensOfOneJobStepAndPartJoinWithTheFirstTimestampAndTheirCount() {
        TokenDelta joined = (TokenDelta)
                delta("Hello", FIRST, "section-1").followedBy(delta(" wide", FIRST.plusMillis(20), "section-1"));
        joined = (TokenDelta) joined.followedBy(delta(" world", FIRST.plusMillis(40), "section-1"));

        assertThat(joined.event().content()).isEqualTo("Hello wide world");
        assertThat(joined.event().timestamp()).as("the first one's").isEqualTo(FIRST);
        assertThat(joined.tokens()).isEqualTo(3);
        assertThat(joined.event().data()).containsEntry("tokens", 3).containsEntry("part", "section-1");
        assertThat(joined.body())
                .isEqualTo("token|Hello wide world|" + FIRST + "|{part=section-1, tokens=3}")
                .as("rendered as it is now");
    }

    @Test
    void deltasOfAnotherPartStepJobOrTypeDoNotJoin() {
        TokenDelta first = delta("a", FIRST, "section-1");
        assertThat(first.followedBy(delta("b", FIRST, "section-2"))).isNull();
        assertThat(first.followedBy(new TokenDelta(
                        new ConversationEvent(
                                "token", "assistant", "b", FIRST, JOB, "other-step", Map.of("part", "section-1")),
                        TokenDeltaTest::render)))
                .isNull();
        assertThat(first.followedBy(new TokenDelta(
                        new ConversationEvent(
                                "token",
                                "assistant",
                                "b",
                                FIRST,
                                UUID.randomUUID(),
                                "sections",
                                Map.of("part", "section-1")),
                        TokenDeltaTest::render)))
                .isNull();
        assertThat(first.followedBy(new TokenDelta(
                        new ConversationEvent(
                                "progress", "system", "", FIRST, JOB, "sections", Map.of("part", "section-1")),
                        TokenDeltaTest::render)))
                .isNull();
    }

    @Test
    void theStreamIsTheJobStepAndPart() {
        assertThat(delta("a", FIRST, "section-1").stream())
                .isEqualTo(delta("b", FIRST.plusSeconds(1), "section-1").stream())
                .isNotEqualTo(delta("a", FIRST, "section-2").stream());
    }

    @Test
    void aJoinedEventStaysUnderItsSizeCap() {
        TokenDelta big = delta("x".repeat(TokenDelta.MAX_CONTENT - 1), FIRST, "section-1");
        assertThat(big.followedBy(delta("y", FIRST, "section-1"))).isNotNull();
        assertThat(big.followedBy(delta("yz", FIRST, "section-1"))).isNull();
    }

    private static TokenDelta delta(String text, Instant at, String part) {
        return new TokenDelta(
                new ConversationEvent("token", "assistant", text, at, JOB, "sections", Map.of("part", part)),
                TokenDeltaTest::render);
    }

    private static String render(ConversationEvent event) {
        return event.type() + "|" + event.content() + "|" + event.timestamp() + "|" + event.data();
    }
}
