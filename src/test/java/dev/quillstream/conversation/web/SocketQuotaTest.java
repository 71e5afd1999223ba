package dev.quillstream.conversation.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class SocketQuotaTest {

    private final UUID alice = UUID.randomUUID();
    private final UUID bob = UUID.randomUUID();

    @Test
    void anAccountGetsUpToItsLimitAndASocketClosedMakesRoom() {
        SocketQuota quota = new SocketQuota(2);
        assertThat(quota.tryAcquire(alice)).isTrue();
        assertThat(quota.full(alice)).isFalse();
        assertThat(quota.tryAcquire(alice)).isTrue();
        assertThat(quota.full(alice)).isTrue();
        assertThat(quota.tryAcquire(alice)).isFalse();
        assertThat(quota.tryAcquire(bob)).as("accounts are counted apart").isTrue();

        quota.release(alice);
        assertThat(quota.full(alice)).isFalse();
        assertThat(quota.tryAcquire(alice)).isTrue();
        assertThat(quota.tryAcquire(alice)).isFalse();
    }

    @Test
    void concurrentSocketsOfOneAccountNeverGetMoreThanTheLimit() throws Exception {
        SocketQuota quota = new SocketQuota(50);
        java.util.concurrent.atomic.AtomicInteger granted = new java.util.concurrent.atomic.AtomicInteger();
        try (var threads = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 500; i++) {
                threads.submit(() -> {
                    if (quota.tryAcquire(alice)) {
                        granted.incrementAndGet();
                    }
                });
            }
        }
        assertThat(granted).hasValue(50);
    }

    @Test
    void aLimitBelowOneIsRefusedNamingTheVariable() {
        assertThatThrownBy(() -> new SocketQuota(0)).hasMessageContaining("QUILLSTREAM_WS_MAX_SOCKETS_PER_ACCOUNT");
    }
}
