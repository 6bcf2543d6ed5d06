package net.historyarchive.search.engine;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** How searches use the engine (archive.search.*). */
@ConfigMapping(prefix = "archive.search")
public interface EngineSettings {

    /**
     * Totals are exact up to this many matches, then "at least" (relation gte). Facets always count
     * every match.
     */
    @WithDefault("10000")
    int exactTotalUpTo();

    /** How long a cursor's point in time stays open after each page. */
    @WithDefault("5m")
    String cursorKeepAlive();

    /** The deepest hit (page × size) reachable by page number; deeper results are reached with the cursor. */
    @WithDefault("10000")
    int maxPageWindow();

    /**
     * The phrase bonus (the words stand together as typed) is added to the best this many matches of
     * a relevance search, not to every match ({@link ResultOrder}); the title bonus goes to every match.
     */
    @WithDefault("200")
    int bonusWindow();

    /**
     * How long the spelling check's answer for a word is reused at most ({@link SpellingMemory});
     * 0 asks the engine on every search. Changes this instance writes end it sooner.
     */
    @WithDefault("60s")
    Duration spellingMemory();
}
