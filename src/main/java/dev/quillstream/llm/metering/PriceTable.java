package dev.quillstream.llm.metering;

import dev.quillstream.llm.TokenUsage;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What each provider's models cost, in US dollars per million input and output tokens. A model is
 * found by its exact name, then by the longest configured name it starts with (providers answer
 * with dated names: {@code gpt-4o-mini-2024-07-18} is priced as {@code gpt-4o-mini}), then by the
 * provider's {@code *} entry. A model without a price costs nothing and is named once in the log,
 * so a missing price is visible rather than silently cheap.
 */
public final class PriceTable {

    private static final Logger log = LoggerFactory.getLogger(PriceTable.class);

    private final Map<String, Map<String, Price>> byProvider;
    private final Set<String> warned = ConcurrentHashMap.newKeySet();

    public PriceTable(List<Entry> entries) {
        Map<String, Map<String, Price>> table = new LinkedHashMap<>();
        for (Entry entry : entries) {
            table.computeIfAbsent(entry.provider(), p -> new LinkedHashMap<>())
                    .put(entry.model(), new Price(entry.inputPerMillion(), entry.outputPerMillion()));
        }
        this.byProvider = table;
    }

    /**
     * Entries with overrides in the compact form of {@code QUILLSTREAM_LLM_PRICES}: {@code
     * provider/model=input:output} separated by commas, e.g. {@code openai/gpt-4o=2.5:10,ollama/*=0:0}.
     */
    public static PriceTable of(List<Entry> defaults, String overrides) {
        Map<String, Entry> merged = new LinkedHashMap<>();
        defaults.forEach(e -> merged.put(e.provider() + "/" + e.model(), e));
        for (String item : overrides.split(",")) {
            if (item.isBlank()) {
                continue;
            }
            Entry entry = Entry.parse(item.strip());
            merged.put(entry.provider() + "/" + entry.model(), entry);
        }
        return new PriceTable(List.copyOf(merged.values()));
    }

    public Optional<Price> price(String provider, String model) {
        Map<String, Price> models = byProvider.getOrDefault(provider, Map.of());
        Price exact = models.get(model);
        if (exact != null) {
            return Optional.of(exact);
        }
        Optional<Price> prefixed = models.entrySet().stream()
                .filter(e -> !e.getKey().equals("*") && model.startsWith(e.getKey()))
                .max(Comparator.comparingInt(e -> e.getKey().length()))
                .map(Map.Entry::getValue);
        return prefixed.or(() -> Optional.ofNullable(models.get("*")));
    }

    /** The cost of a call: priced by the model asked for, else by the model that answered. */
    public double cost(String provider, String requestedModel, String answeringModel, TokenUsage usage) {
        Optional<Price> price = price(provider, requestedModel).or(() -> price(provider, answeringModel));
        if (price.isEmpty()) {
            if (warned.add(provider + "/" + requestedModel)) {
                log.warn(
                        "No price configured for {}/{}: its calls are counted at $0 (set QUILLSTREAM_LLM_PRICES).",
                        provider,
                        requestedModel);
            }
            return 0;
        }
        return price.get().cost(usage);
    }

    /** US dollars per million tokens. */
    public record Price(double inputPerMillion, double outputPerMillion) {

        public Price {
            if (inputPerMillion < 0 || outputPerMillion < 0) {
                throw new IllegalArgumentException("prices cannot be negative");
            }
        }

        public double cost(TokenUsage usage) {
            return (usage.promptTokens() * inputPerMillion + usage.completionTokens() * outputPerMillion) / 1_000_000d;
        }
    }

    /** One line of the table; {@code model} may be {@code *} for every model of the provider. */
    public record Entry(String provider, String model, double inputPerMillion, double outputPerMillion) {

        static Entry parse(String item) {
            int slash = item.indexOf('/');
            int equals = item.indexOf('=');
            int colon = item.lastIndexOf(':');
            if (slash <= 0 || equals <= slash + 1 || colon <= equals + 1) {
                throw new IllegalArgumentException(
                        "QUILLSTREAM_LLM_PRICES entries look like provider/model=input:output, not '" + item + "'");
            }
            try {
                return new Entry(
                        item.substring(0, slash).strip(),
                        item.substring(slash + 1, equals).strip(),
                        Double.parseDouble(item.substring(equals + 1, colon).strip()),
                        Double.parseDouble(item.substring(colon + 1).strip()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(
                        "QUILLSTREAM_LLM_PRICES: prices must be numbers in '" + item + "'", e);
            }
        }
    }
}
