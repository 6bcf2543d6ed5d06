package net.historyarchive.search.search.service;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The bounds that keep a search's work independent of how common its words are. PostgreSQL must
 * score every match it ranks, so a query matching half the archive would otherwise score half
 * the archive; these say how much it does instead.
 */
@ConfigMapping(prefix = "archive.search")
public interface SearchConfig {

    /**
     * Totals are exact up to this many matches, then reported as "at least" (relation gte); facets
     * count these matches. Each costs a heap visit, so this sets the price of the commonest words.
     */
    @WithDefault("1000")
    int exactTotalUpTo();

    /**
     * Relevance ranks at most this many matches (a uniform sample, read from the smallest index
     * buckets first). Below it ranking is exact; above it, the best of the sample lead.
     */
    @WithDefault("500")
    int rankWindow();

    /** The deepest hit (page × size) reachable by page number; deeper results are reached with the cursor. */
    @WithDefault("10000")
    int maxPageWindow();
}
