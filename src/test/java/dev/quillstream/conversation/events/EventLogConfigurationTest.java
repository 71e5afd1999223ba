package dev.quillstream.conversation.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class EventLogConfigurationTest {

    @Test
    void theReplayMemoryIsASizeOrAnEighthOfTheHeap() {
        assertThat(EventLogConfiguration.memoryBudget("256MB")).isEqualTo(256L * 1024 * 1024);
        assertThat(EventLogConfiguration.memoryBudget(" 1GB ")).isEqualTo(1024L * 1024 * 1024);
        assertThat(EventLogConfiguration.memoryBudget(""))
                .isEqualTo(Runtime.getRuntime().maxMemory() / 8);
    }

    @Test
    void theInMemoryLogReportsTheMemoryItKeeps() {
        var metrics = new io.micrometer.core.instrument.simple.SimpleMeterRegistry();
        InMemoryEventLog log = EventLogConfiguration.measured(new InMemoryEventLog(100), metrics);
        log.append("c", "{\"type\":\"token\",\"content\":\"hello\"}");
        double reported = metrics.get("quillstream.replay.memory").gauge().value();
        assertThat(reported).isPositive().isEqualTo((double) log.bytesKept());
    }

    @Test
    void aReplayMemoryThatIsNotASizeIsRefusedNamingTheVariable() {
        assertThatThrownBy(() -> EventLogConfiguration.memoryBudget("plenty"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("QUILLSTREAM_REPLAY_MEMORY")
                .hasMessageContaining("plenty");
    }

    @Test
    void appendsInFlightBelowOneAreRefusedNamingTheVariable() {
        assertThat(EventLogConfiguration.appendLimits(2).maxInFlight()).isEqualTo(2);
        assertThatThrownBy(() -> EventLogConfiguration.appendLimits(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("QUILLSTREAM_REDIS_APPENDS_IN_FLIGHT")
                .hasMessageContaining("0");
    }
}
