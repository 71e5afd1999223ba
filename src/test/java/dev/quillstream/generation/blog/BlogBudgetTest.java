package dev.quillstream.generation.blog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quillstream.content.BlogMetadata;
import dev.quillstream.content.BlogPost;
import dev.quillstream.generation.BlogRequest;
import dev.quillstream.generation.BudgetExceeded;
import dev.quillstream.generation.GenerationListener;
import dev.quillstream.generation.Tone;
import dev.quillstream.llm.ModelReply;
import dev.quillstream.llm.ModelRequest;
import dev.quillstream.llm.ModelTier;
import dev.quillstream.llm.TextModel;
import dev.quillstream.llm.TokenListener;
import dev.quillstream.llm.TokenUsage;
import dev.quillstream.llm.offline.OfflineTextModel;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Cost accounting and the request's budget, with a model that charges $1 per million tokens. */
class BlogBudgetTest {

    /** The offline model's answers, priced like a provider: $1 per million tokens, in and out. */
    static class PricedModel implements TextModel {
        private final OfflineTextModel offline = new OfflineTextModel();
        final AtomicInteger calls = new AtomicInteger();
        final List<ModelRequest> requests = new CopyOnWriteArrayList<>();

        @Override
        public String provider() {
            return "priced";
        }

        @Override
        public String modelName(ModelTier tier) {
            return "priced-" + tier;
        }

        @Override
        public double estimateCostUsd(ModelTier tier, TokenUsage expected) {
            return expected.totalTokens() / 1e6;
        }

        @Override
        public ModelReply complete(ModelRequest request) {
            return priced(request, offline.complete(request));
        }

        @Override
        public ModelReply stream(ModelRequest request, TokenListener listener) {
            return priced(request, offline.stream(request, listener));
        }

        private ModelReply priced(ModelRequest request, ModelReply reply) {
            calls.incrementAndGet();
            requests.add(request);
            return new ModelReply(reply.text(), reply.usage(), "priced", modelName(request.tier()), false)
                    .withCost(reply.usage().totalTokens() / 1e6);
        }
    }

    private static BlogRequest request(Double maxCostUsd, Boolean cache) {
        return new BlogRequest(
                "Kubernetes autoscaling",
                List.of("hpa", "keda"),
                Tone.PRACTICAL,
                false,
                false,
                false,
                null,
                "en",
                1500,
                maxCostUsd,
                cache);
    }

    @Test
    void thePostStatesWhatItCostInTotalAndPerProvider() {
        PricedModel model = new PricedModel();
        List<BlogMetadata.Usage> recorded = new CopyOnWriteArrayList<>();

        BlogPost post = new BlogPipeline(model, 4).write(request(null, null), new GenerationListener() {
            @Override
            public void usageRecorded(BlogMetadata.Usage usage) {
                recorded.add(usage);
            }
        });

        BlogMetadata.Usage usage = post.metadata().usage();
        assertThat(usage.calls()).isEqualTo(13).isEqualTo(model.calls.get());
        assertThat(usage.costUsd()).isCloseTo(usage.totalTokens() / 1e6, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(usage.costUsd()).isPositive();
        assertThat(usage.providers())
                .extracting(BlogMetadata.ProviderUsage::model)
                .containsExactly("priced-FAST", "priced-SMART");
        assertThat(usage.providers().stream()
                        .mapToInt(BlogMetadata.ProviderUsage::calls)
                        .sum())
                .isEqualTo(13);
        assertThat(recorded).containsExactly(usage);
    }

    @Test
    void aBudgetBelowTheEstimateIsRefusedBeforeAnyCall() {
        PricedModel model = new PricedModel();
        List<BlogMetadata.Usage> recorded = new CopyOnWriteArrayList<>();
        assertThatThrownBy(() -> new BlogPipeline(model, 4).write(request(0.0001, null), new GenerationListener() {
                    @Override
                    public void usageRecorded(BlogMetadata.Usage usage) {
                        recorded.add(usage);
                    }
                }))
                .isInstanceOfSatisfying(BudgetExceeded.class, e -> {
                    assertThat(e.estimate()).isTrue();
                    assertThat(e.costUsd()).isGreaterThan(0.0001);
                    assertThat(e.getMessage()).contains("max_cost_usd");
                });
        assertThat(model.calls).hasValue(0);
        assertThat(recorded.getFirst().calls()).isZero();
    }

    @Test
    void theEstimateIsCloseToWhatAPostCosts() {
        PricedModel model = new PricedModel();
        BlogPost post = new BlogPipeline(model, 4).write(request(null, null), GenerationListener.NONE);
        BlogRun run = new BlogRun(request(null, null), model, GenerationListener.NONE, 4);
        double estimate = CostEstimate.of(run);
        // The offline drafts are shorter than the words asked for: the estimate errs on the high side.
        assertThat(estimate)
                .isBetween(
                        post.metadata().usage().costUsd() * 0.8,
                        post.metadata().usage().costUsd() * 4);
    }

    @Test
    void aRunWhoseSpendCrossesTheBudgetStopsWithoutAPost() {
        PricedModel model = new PricedModel();
        BlogRun estimateRun = new BlogRun(request(null, null), model, GenerationListener.NONE, 4);
        double estimate = CostEstimate.of(estimateRun);
        // Allowed by the estimate, but the calls of a model that answers at length cost more:
        TextModel verbose = new PricedModel() {
            @Override
            public double estimateCostUsd(ModelTier tier, TokenUsage expected) {
                return super.estimateCostUsd(tier, expected) / 100;
            }
        };
        assertThatThrownBy(
                        () -> new BlogPipeline(verbose, 1).write(request(estimate / 50, null), GenerationListener.NONE))
                .isInstanceOfSatisfying(BudgetExceeded.class, e -> {
                    assertThat(e.estimate()).isFalse();
                    assertThat(e.costUsd()).isGreaterThan(estimate / 50);
                });
        assertThat(((PricedModel) verbose).calls.get()).isLessThan(13);
    }

    @Test
    void optingOutOfTheCacheMarksEveryModelRequest() {
        PricedModel model = new PricedModel();
        new BlogPipeline(model, 4).write(request(null, false), GenerationListener.NONE);
        assertThat(model.requests)
                .isNotEmpty()
                .allSatisfy(r -> assertThat(r.cacheable()).isFalse());
        PricedModel cached = new PricedModel();
        new BlogPipeline(cached, 4).write(request(null, null), GenerationListener.NONE);
        assertThat(cached.requests).allSatisfy(r -> assertThat(r.cacheable()).isTrue());
    }
}
