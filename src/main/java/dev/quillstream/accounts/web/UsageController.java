package dev.quillstream.accounts.web;

import dev.quillstream.accounts.AccountId;
import dev.quillstream.accounts.UsageLedger;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/usage?since=}: what the caller's generations cost, per provider and model. */
@RestController
@RequestMapping("/api/v1")
class UsageController {

    private final UsageLedger ledger;

    UsageController(UsageLedger ledger) {
        this.ledger = ledger;
    }

    @GetMapping("/usage")
    Usage usage(AccountId account, @RequestParam(required = false) @Nullable Instant since) {
        Instant from = since == null ? Instant.now().minus(30, ChronoUnit.DAYS) : since;
        List<UsageLedger.Line> lines = ledger.totals(account, from);
        double total = lines.stream().mapToDouble(UsageLedger.Line::costUsd).sum();
        return new Usage(from.toString(), Math.round(total * 1_000_000d) / 1_000_000d, lines);
    }

    record Usage(String since, double costUsd, List<UsageLedger.Line> providers) {}
}
