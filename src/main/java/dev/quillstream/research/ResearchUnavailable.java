package dev.quillstream.research;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/** Not one of the requested sources answered: each one's failure is in {@link #warnings()}. */
public class ResearchUnavailable extends RuntimeException {

    private final List<SourceWarning> warnings;
    private final @Nullable Duration retryAfter;

    public ResearchUnavailable(List<SourceWarning> warnings, @Nullable Duration retryAfter) {
        super("no research source answered: "
                + warnings.stream().map(w -> w.source() + ": " + w.message()).collect(Collectors.joining("; ")));
        this.warnings = List.copyOf(warnings);
        this.retryAfter = retryAfter;
    }

    public List<SourceWarning> warnings() {
        return warnings;
    }

    /** The shortest wait after which every source that was rate limited said it would answer again. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
