package dev.quillstream.generation;

import java.util.Locale;

/**
 * A generation would cost, or has cost, more than the request's {@code max_cost_usd}. Refused
 * before any model call when the estimate exceeds the budget; stopped when actual spend crosses it.
 * Nothing is stored either way.
 */
public class BudgetExceeded extends RuntimeException {

    private final double maxCostUsd;
    private final double costUsd;
    private final boolean estimate;

    private BudgetExceeded(String message, double maxCostUsd, double costUsd, boolean estimate) {
        super(message);
        this.maxCostUsd = maxCostUsd;
        this.costUsd = costUsd;
        this.estimate = estimate;
    }

    public static BudgetExceeded estimated(double estimateUsd, double maxCostUsd) {
        return new BudgetExceeded(
                String.format(
                        Locale.ROOT,
                        "the estimated cost $%.4f exceeds max_cost_usd $%.4f; raise it or ask for fewer words",
                        estimateUsd,
                        maxCostUsd),
                maxCostUsd,
                estimateUsd,
                true);
    }

    public static BudgetExceeded spent(double spentUsd, double maxCostUsd) {
        return new BudgetExceeded(
                String.format(
                        Locale.ROOT,
                        "stopped after spending $%.4f, more than max_cost_usd $%.4f; nothing was stored",
                        spentUsd,
                        maxCostUsd),
                maxCostUsd,
                spentUsd,
                false);
    }

    public double maxCostUsd() {
        return maxCostUsd;
    }

    /** The estimate, or the money spent when the generation was stopped. */
    public double costUsd() {
        return costUsd;
    }

    /** True when refused on the estimate, before any model call. */
    public boolean estimate() {
        return estimate;
    }
}
