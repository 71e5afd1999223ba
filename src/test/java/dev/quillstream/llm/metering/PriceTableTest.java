package dev.quillstream.llm.metering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quillstream.llm.TokenUsage;
import java.util.List;
import org.junit.jupiter.api.Test;

class PriceTableTest {

    private final PriceTable table = PriceTable.of(
            List.of(
                    new PriceTable.Entry("openai", "gpt-4o", 2.50, 10.00),
                    new PriceTable.Entry("openai", "gpt-4o-mini", 0.15, 0.60),
                    new PriceTable.Entry("ollama", "*", 0, 0)),
            "gemini/gemini-2.5-flash=0.30:2.50, openai/gpt-4o=2.00:8.00");

    @Test
    void aCallCostsItsTokensAtPerMillionPrices() {
        assertThat(table.cost("openai", "gpt-4o-mini", "gpt-4o-mini", new TokenUsage(2_000_000, 500_000)))
                .isEqualTo(0.30 + 0.30);
    }

    @Test
    void datedModelNamesArePricedByTheLongestNameTheyStartWith() {
        assertThat(table.price("openai", "gpt-4o-mini-2024-07-18")).contains(new PriceTable.Price(0.15, 0.60));
        assertThat(table.price("openai", "gpt-4o-2024-08-06")).contains(new PriceTable.Price(2.00, 8.00));
    }

    @Test
    void overridesReplaceAndAddEntries() {
        assertThat(table.price("openai", "gpt-4o")).contains(new PriceTable.Price(2.00, 8.00));
        assertThat(table.price("gemini", "gemini-2.5-flash")).contains(new PriceTable.Price(0.30, 2.50));
    }

    @Test
    void aWildcardPricesEveryModelOfItsProviderAndAnUnknownModelCostsNothing() {
        assertThat(table.cost("ollama", "llama3.2", "llama3.2", new TokenUsage(10_000, 10_000)))
                .isZero();
        assertThat(table.price("anthropic", "claude-sonnet-4-5")).isEmpty();
        assertThat(table.cost("anthropic", "claude-sonnet-4-5", "claude-sonnet-4-5", new TokenUsage(10, 10)))
                .isZero();
    }

    @Test
    void theRequestedModelsPriceWinsOverTheAnsweringModels() {
        assertThat(table.cost("openai", "gpt-4o-mini", "gpt-4o-2024-08-06", new TokenUsage(1_000_000, 0)))
                .isEqualTo(0.15);
    }

    @Test
    void malformedOverridesAreRefusedWithTheirFormat() {
        assertThatThrownBy(() -> PriceTable.of(List.of(), "openai=1:2"))
                .hasMessageContaining("provider/model=input:output");
        assertThatThrownBy(() -> PriceTable.of(List.of(), "openai/x=a:b")).hasMessageContaining("numbers");
    }
}
