package dev.quillstream.research.web;

import dev.quillstream.accounts.AccountId;
import dev.quillstream.research.Research;
import dev.quillstream.research.ResearchResponse;
import jakarta.validation.Valid;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The seed's {@code POST /api/v1/research}: the query put to the requested sources at once, merged and ranked. */
@RestController
@RequestMapping("/api/v1")
class ResearchController {

    private final Research research;

    ResearchController(Research research) {
        this.research = research;
    }

    @PostMapping("/research")
    ResearchResponse research(AccountId account, @Valid @RequestBody ResearchRequest request) {
        try {
            return research.search(request.toQuery(), account.value());
        } catch (IllegalArgumentException e) {
            throw new InvalidField("sources", e.getMessage());
        }
    }
}
