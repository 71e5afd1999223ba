package dev.quillstream.llm.routing;

import dev.quillstream.llm.ModelException;
import dev.quillstream.llm.ModelReply;
import dev.quillstream.llm.ModelRequest;
import dev.quillstream.llm.ModelTier;
import dev.quillstream.llm.TextModel;
import dev.quillstream.llm.TokenListener;
import dev.quillstream.llm.TokenUsage;
import dev.quillstream.llm.cache.ResponseCache;
import dev.quillstream.llm.offline.OfflineTextModel;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link TextModel} the application uses: the configured providers in order. A request is
 * first looked up in the response cache under every provider's key (so an identical request costs
 * no call whichever provider answered it before); then the providers are tried in order, each with
 * its own retries and guards, moving on after a retryable failure or an open circuit. A failure no
 * retry can fix (invalid request, rejected content, bad key) ends the request at once: another
 * provider would be asked the same thing. A stream handed to the next provider after it delivered
 * deltas first tells its listener to restart.
 */
public final class ProviderChain implements TextModel {

    private static final Logger log = LoggerFactory.getLogger(ProviderChain.class);

    private final List<ProviderRoute> routes;
    private final @Nullable ResponseCache cache;

    public ProviderChain(List<ProviderRoute> routes, @Nullable ResponseCache cache) {
        if (routes.isEmpty()) {
            throw new IllegalArgumentException("a provider chain needs at least one provider");
        }
        this.routes = List.copyOf(routes);
        this.cache = cache;
    }

    public List<ProviderRoute> routes() {
        return routes;
    }

    @Override
    public String provider() {
        return routes.stream().map(ProviderRoute::name).collect(Collectors.joining(","));
    }

    @Override
    public String modelName(ModelTier tier) {
        return first().model().modelName(tier);
    }

    /** Priced at the provider that would answer now: the first whose circuit is not open. */
    @Override
    public double estimateCostUsd(ModelTier tier, TokenUsage expected) {
        return first().model().estimateCostUsd(tier, expected);
    }

    @Override
    public ModelReply complete(ModelRequest request) {
        Optional<ModelReply> cached = cached(request);
        if (cached.isPresent()) {
            return cached.get();
        }
        return inOrder(request, route -> route.model().complete(request));
    }

    @Override
    public ModelReply stream(ModelRequest request, TokenListener listener) {
        Optional<ModelReply> cached = cached(request);
        if (cached.isPresent()) {
            listener.onDelta(cached.get().text());
            return cached.get();
        }
        RestartingListener restarting = RestartingListener.of(listener);
        return inOrder(request, route -> {
            restarting.beginAttempt();
            return route.model().stream(request, restarting);
        });
    }

    private ModelReply inOrder(ModelRequest request, Function<ProviderRoute, ModelReply> call) {
        ModelException last = null;
        for (ProviderRoute route : routes) {
            try {
                ModelReply reply = call.apply(route);
                if (cache != null && request.cacheable()) {
                    cache.store(route.name(), route.model().modelName(request.tier()), request, reply);
                }
                return reply;
            } catch (ModelException failure) {
                if (!failure.retryable()
                        || failure instanceof ModelException.MalformedOutput
                        || Thread.currentThread().isInterrupted()) {
                    throw failure;
                }
                if (last != null) {
                    failure.addSuppressed(last);
                }
                last = failure;
                if (route != routes.getLast()) {
                    log.warn("{} failed ({}): trying the next provider", route.name(), failure.getMessage());
                }
            }
        }
        throw last;
    }

    private Optional<ModelReply> cached(ModelRequest request) {
        if (cache == null || !request.cacheable()) {
            return Optional.empty();
        }
        for (ProviderRoute route : routes) {
            if (route.name().equals(OfflineTextModel.PROVIDER)) {
                continue; // its drafts are never stored
            }
            Optional<ModelReply> hit = cache.lookup(route.name(), route.model().modelName(request.tier()), request);
            if (hit.isPresent()) {
                return hit;
            }
        }
        return Optional.empty();
    }

    private ProviderRoute first() {
        return routes.stream().filter(ProviderRoute::available).findFirst().orElse(routes.getFirst());
    }
}
