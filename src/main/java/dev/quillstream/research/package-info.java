/**
 * Research for grounded writing: the {@link dev.quillstream.research.ResearchSource} port with its
 * adapters (SerpApi, Tavily, Exa, the user's own document library), page fetching through the
 * SSRF-safe client, merging and ranking of results, and a TTL cache so a repeated query costs
 * nothing.
 */
@NullMarked
@ApplicationModule(displayName = "Research")
package dev.quillstream.research;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
