package dev.quillstream.research;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** What other modules use of research: ask the sources, and read what they found. */
public interface Research {

    /**
     * Asks the query's sources in parallel, each with its own deadline, from the cache when the
     * same question was asked within the TTL. Sources that fail become {@link SourceWarning}s.
     *
     * @param owner the account asking (its uploaded library documents are searched); null for the
     *     shared library folder only
     * @throws ResearchUnavailable when no source answered
     * @throws IllegalArgumentException when none of the requested sources is configured
     */
    ResearchResponse search(ResearchQuery query, @Nullable UUID owner);

    /**
     * The readable text of each result, in the same order: the page fetched (through the SSRF-safe
     * client, or Exa's contents API for Exa results), or the library document. A result whose text
     * cannot be had keeps its snippet; one with neither is left out.
     */
    List<SourceText> read(List<ResearchResult> results, @Nullable UUID owner);

    /** The sources this deployment can ask (those with a key, and the local library). */
    Set<SourceKind> configuredSources();

    /** The sources asked when a request names none: the configured web sources, or the library when there are none. */
    Set<SourceKind> defaultSources();
}
