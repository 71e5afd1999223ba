package dev.quillstream.llm.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quillstream.llm.ChatMessage;
import dev.quillstream.llm.ModelException;
import dev.quillstream.llm.ModelReply;
import dev.quillstream.llm.ModelRequest;
import dev.quillstream.llm.ModelTier;
import dev.quillstream.llm.TokenListener;
import dev.quillstream.llm.TokenUsage;
import dev.quillstream.llm.cache.ResponseCache;
import dev.quillstream.llm.metering.PriceTable;
import dev.quillstream.platform.cache.SharedCache;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Fallback, circuits, limits, cache and prices of the chain, as LlmConfiguration assembles it. */
class ProviderChainTest {

    private static final ModelRequest HELLO = ModelRequest.of(ModelTier.SMART, List.of(ChatMessage.user("Hello")));

    private final MutableClock clock = new MutableClock();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final MapCache shared = new MapCache();
    private final PriceTable prices = new PriceTable(List.of(
            new PriceTable.Entry("gemini", "gemini-smart", 1.25, 10.0),
            new PriceTable.Entry("openai", "openai-smart", 2.50, 10.0),
            new PriceTable.Entry("anthropic", "*", 3.0, 15.0)));
    /** 2 attempts per provider, no real waits; a circuit opens when 2 of the last 4 calls failed. */
    private final ProviderStacks stacks = new ProviderStacks(
            new ProviderStacks.Resilience(
                    new RetryPolicy(2, Duration.ofMillis(1), Duration.ofMillis(1), Duration.ofSeconds(60), () -> 0),
                    4,
                    2,
                    50,
                    Duration.ofSeconds(30),
                    Duration.ZERO),
            prices,
            meters,
            duration -> {},
            clock);

    private ProviderChain chain(boolean cached, FakeProvider... providers) {
        return new ProviderChain(
                java.util.Arrays.stream(providers)
                        .map(p -> stacks.route(p, new ProviderStacks.Limits(8, 0)))
                        .toList(),
                cached ? new ResponseCache(shared, Duration.ofHours(1), meters) : null);
    }

    @Test
    void aRetryableFailureFallsBackInChainOrder() {
        FakeProvider gemini = alwaysOverloaded("gemini", 2);
        FakeProvider openai = new FakeProvider("openai");
        FakeProvider anthropic = new FakeProvider("anthropic");

        ModelReply reply = chain(false, gemini, openai, anthropic).complete(HELLO);

        assertThat(reply.provider()).isEqualTo("openai");
        assertThat(gemini.calls).hasValue(2);
        assertThat(openai.calls).hasValue(1);
        assertThat(anthropic.calls).hasValue(0);
    }

    @Test
    void aFailureNoProviderCanFixEndsTheRequest() {
        FakeProvider gemini =
                new FakeProvider("gemini").failing(() -> new ModelException.ContentRejected("gemini", "no", null));
        FakeProvider openai = new FakeProvider("openai");
        assertThatThrownBy(() -> chain(false, gemini, openai).complete(HELLO))
                .isInstanceOf(ModelException.ContentRejected.class);
        assertThat(openai.calls).hasValue(0);
    }

    @Test
    void whenEveryProviderFailsTheLastFailureCarriesTheOthers() {
        FakeProvider gemini = alwaysOverloaded("gemini", 2);
        FakeProvider openai =
                new FakeProvider("openai").failing(() -> FakeProvider.rateLimited("openai", Duration.ofMinutes(10)));
        assertThatThrownBy(() -> chain(false, gemini, openai).complete(HELLO))
                .isInstanceOfSatisfying(ModelException.RateLimited.class, e -> {
                    assertThat(e.retryAfter()).contains(Duration.ofMinutes(10));
                    assertThat(e.getSuppressed()).hasOnlyElementsOfType(ModelException.Overloaded.class);
                });
    }

    @Test
    void aDeadProvidersCircuitOpensSoItIsSkippedThenClosesWhenItRecovers() {
        FakeProvider gemini = alwaysOverloaded("gemini", 2);
        FakeProvider openai = new FakeProvider("openai");
        ProviderChain chain = chain(false, gemini, openai);
        CircuitBreaker circuit = chain.routes().getFirst().breaker();

        chain.complete(HELLO); // 2 failed attempts: 2 of 2 calls failed, the circuit opens
        assertThat(circuit.getState()).isEqualTo(CircuitBreaker.State.OPEN);
        chain.complete(HELLO);
        chain.complete(HELLO);
        assertThat(gemini.calls).as("an open circuit is skipped without a call").hasValue(2);
        assertThat(openai.calls).hasValue(3);

        clock.advance(Duration.ofSeconds(29));
        chain.complete(HELLO);
        assertThat(gemini.calls).as("still open before its wait is over").hasValue(2);

        clock.advance(Duration.ofSeconds(2)); // gemini recovered meanwhile (its failures are used up)
        assertThat(chain.complete(HELLO).provider()).isEqualTo("gemini");
        assertThat(circuit.getState()).isEqualTo(CircuitBreaker.State.HALF_OPEN);
        assertThat(chain.complete(HELLO).provider()).isEqualTo("gemini");
        assertThat(circuit.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @Test
    void aCircuitWhoseTrialCallsFailOpensAgain() {
        FakeProvider gemini = alwaysOverloaded("gemini", 4);
        FakeProvider openai = new FakeProvider("openai");
        ProviderChain chain = chain(false, gemini, openai);
        chain.complete(HELLO);
        clock.advance(Duration.ofSeconds(31));

        assertThat(chain.complete(HELLO).provider()).isEqualTo("openai");

        assertThat(gemini.calls).hasValue(4);
        assertThat(chain.routes().getFirst().breaker().getState()).isEqualTo(CircuitBreaker.State.OPEN);
    }

    @Test
    void aBadKeyDoesNotOpenTheCircuit() {
        FakeProvider gemini = new FakeProvider("gemini");
        for (int i = 0; i < 6; i++) {
            gemini.failing(() -> new ModelException.Unauthenticated("gemini", "bad key", null));
        }
        ProviderChain chain = chain(false, gemini, new FakeProvider("openai"));
        for (int i = 0; i < 6; i++) {
            assertThatThrownBy(() -> chain.complete(HELLO)).isInstanceOf(ModelException.Unauthenticated.class);
        }
        assertThat(chain.routes().getFirst().breaker().getState()).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @Test
    void aStreamHandedToTheNextProviderRestartsItsListener() {
        FakeProvider gemini = new FakeProvider("gemini")
                .failingAfter("Partial ", () -> FakeProvider.overloaded("gemini"))
                .failingAfter("Again ", () -> FakeProvider.overloaded("gemini"));
        FakeProvider openai = new FakeProvider("openai").answering("Whole answer");
        List<String> events = new CopyOnWriteArrayList<>();

        ModelReply reply = chain(false, gemini, openai).stream(HELLO, new TokenListener() {
            @Override
            public void onDelta(String delta) {
                events.add(delta);
            }

            @Override
            public void onRestart() {
                events.add("<restart>");
            }
        });

        assertThat(events).containsExactly("Partial ", "<restart>", "Again ", "<restart>", "Whole ", "answer");
        assertThat(reply.text()).isEqualTo("Whole answer");
    }

    @Test
    void anIdenticalRequestIsAnsweredFromTheCacheWithoutAProviderCall() {
        FakeProvider gemini = new FakeProvider("gemini");
        ProviderChain chain = chain(true, gemini);

        ModelReply first = chain.complete(HELLO);
        ModelReply again = chain.complete(HELLO);
        List<String> streamed = new CopyOnWriteArrayList<>();
        ModelReply streamedAgain = chain.stream(HELLO, streamed::add);

        assertThat(gemini.calls).hasValue(1);
        assertThat(again.text()).isEqualTo(first.text());
        assertThat(again.cached()).isTrue();
        assertThat(again.costUsd()).isZero();
        assertThat(first.costUsd()).isPositive();
        assertThat(String.join("", streamed)).isEqualTo(first.text());
        assertThat(streamedAgain.cached()).isTrue();
        assertThat(meters.counter("quillstream.llm.cache", "provider", "gemini", "result", "hit")
                        .count())
                .isEqualTo(2);
    }

    @Test
    void anAnswerCachedFromTheFallbackIsFoundEvenWhenTheFirstProviderIsBackUp() {
        FakeProvider gemini = alwaysOverloaded("gemini", 2);
        FakeProvider openai = new FakeProvider("openai");
        ProviderChain chain = chain(true, gemini, openai);
        chain.complete(HELLO);
        ModelReply again = chain.complete(HELLO); // gemini would answer now; the cached openai answer wins
        assertThat(again.provider()).isEqualTo("openai");
        assertThat(again.cached()).isTrue();
        assertThat(gemini.calls).hasValue(2);
        assertThat(openai.calls).hasValue(1);
    }

    @Test
    void theCacheKeyIsTheWholeRequestAndOptingOutAsksAgain() {
        FakeProvider gemini = new FakeProvider("gemini");
        ProviderChain chain = chain(true, gemini);
        chain.complete(HELLO);
        chain.complete(HELLO.withTemperature(0.1));
        chain.complete(HELLO.followedBy(ChatMessage.user("more")));
        chain.complete(ModelRequest.of(ModelTier.FAST, HELLO.messages()));
        chain.complete(HELLO.withoutCache());
        assertThat(gemini.calls).hasValue(5);
        chain.complete(HELLO.withHints(Map.of("topic", "ignored by providers")));
        assertThat(gemini.calls)
                .as("hints are not sent, so not part of the key")
                .hasValue(5);
    }

    @Test
    void blankAnswersAreNotCached() {
        FakeProvider gemini = new FakeProvider("gemini").answering("").answering("now with text");
        ProviderChain chain = chain(true, gemini);
        assertThat(chain.complete(HELLO).text()).isEmpty();
        assertThat(chain.complete(HELLO).text()).isEqualTo("now with text");
    }

    @Test
    void eachCallIsPricedAndMeteredPerProvider() {
        FakeProvider openai = new FakeProvider("openai");
        ModelReply reply = chain(false, openai).complete(HELLO); // 1000 prompt + 500 completion tokens

        assertThat(reply.costUsd())
                .isCloseTo((1000 * 2.50 + 500 * 10.0) / 1e6, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(meters.counter("quillstream.llm.cost", "provider", "openai", "model", "openai-smart")
                        .count())
                .isCloseTo(0.0075, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(meters.counter(
                                "quillstream.llm.tokens",
                                "provider",
                                "openai",
                                "model",
                                "openai-smart",
                                "kind",
                                "prompt")
                        .count())
                .isEqualTo(1000);
        assertThat(meters.counter(
                                "quillstream.llm.calls",
                                "provider",
                                "openai",
                                "model",
                                "openai-smart",
                                "outcome",
                                "success")
                        .count())
                .isEqualTo(1);
        assertThat(meters.timer(
                                "quillstream.llm.call.duration",
                                "provider",
                                "openai",
                                "model",
                                "openai-smart",
                                "outcome",
                                "success")
                        .count())
                .isEqualTo(1);
    }

    @Test
    void failedAttemptsAreCountedByType() {
        chain(false, alwaysOverloaded("gemini", 2), new FakeProvider("openai")).complete(HELLO);
        assertThat(meters.counter(
                                "quillstream.llm.calls",
                                "provider",
                                "gemini",
                                "model",
                                "gemini-smart",
                                "outcome",
                                "Overloaded")
                        .count())
                .isEqualTo(2);
    }

    @Test
    void theEstimateUsesTheFirstProviderWhoseCircuitIsClosed() {
        ProviderChain chain = chain(false, alwaysOverloaded("gemini", 2), new FakeProvider("openai"));
        TokenUsage expected = new TokenUsage(1_000_000, 1_000_000);
        assertThat(chain.estimateCostUsd(ModelTier.SMART, expected)).isEqualTo(11.25);
        chain.complete(HELLO); // gemini's circuit opens
        assertThat(chain.estimateCostUsd(ModelTier.SMART, expected)).isEqualTo(12.5);
    }

    @Test
    void theRateLimitRefusesBeyondItsPermitsAndTheNextProviderAnswers() {
        FakeProvider gemini = new FakeProvider("gemini");
        FakeProvider openai = new FakeProvider("openai");
        ProviderChain chain = new ProviderChain(
                List.of(
                        stacks.route(gemini, new ProviderStacks.Limits(8, 2)),
                        stacks.route(openai, new ProviderStacks.Limits(8, 0))),
                null);
        List<String> answeredBy = new CopyOnWriteArrayList<>();
        for (int i = 0; i < 4; i++) {
            answeredBy.add(chain.complete(HELLO).provider());
        }
        assertThat(answeredBy).containsExactly("gemini", "gemini", "openai", "openai");
        assertThat(gemini.calls).hasValue(2);
    }

    @Test
    void theConcurrencyLimitHoldsCallsInFlightToItsSize() throws Exception {
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        CountDownLatch release = new CountDownLatch(1);
        FakeProvider slow = new FakeProvider("ollama") {
            @Override
            public ModelReply complete(ModelRequest request) {
                most.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                try {
                    release.await(5, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                inFlight.decrementAndGet();
                return new ModelReply("ok", TokenUsage.NONE, "ollama", "m", false);
            }
        };
        ProviderStacks waiting = new ProviderStacks(
                new ProviderStacks.Resilience(
                        RetryPolicy.of(1, Duration.ZERO, Duration.ZERO, Duration.ZERO),
                        4,
                        2,
                        50,
                        Duration.ofSeconds(30),
                        Duration.ofSeconds(10)),
                prices,
                meters,
                duration -> {},
                clock);
        ProviderChain chain = new ProviderChain(List.of(waiting.route(slow, new ProviderStacks.Limits(2, 0))), null);
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            var futures = java.util.stream.IntStream.range(0, 6)
                    .mapToObj(i -> executor.submit(() -> chain.complete(HELLO)))
                    .toList();
            while (inFlight.get() < 2) {
                Thread.onSpinWait();
            }
            release.countDown();
            for (var future : futures) {
                assertThat(future.get(10, TimeUnit.SECONDS).text()).isEqualTo("ok");
            }
        }
        assertThat(most).hasValue(2);
    }

    private static FakeProvider alwaysOverloaded(String name, int times) {
        FakeProvider provider = new FakeProvider(name);
        for (int i = 0; i < times; i++) {
            provider.failing(() -> FakeProvider.overloaded(name));
        }
        return provider;
    }

    static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2026-01-01T00:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    static final class MapCache implements SharedCache {
        private final Map<String, String> entries = new ConcurrentHashMap<>();

        @Override
        public Optional<String> get(String key) {
            return Optional.ofNullable(entries.get(key));
        }

        @Override
        public void put(String key, String value, Duration ttl) {
            entries.put(key, value);
        }

        @Override
        public void evict(String key) {
            entries.remove(key);
        }
    }
}
