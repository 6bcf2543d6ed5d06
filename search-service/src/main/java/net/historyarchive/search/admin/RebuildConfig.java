package net.historyarchive.search.admin;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** How a rebuild of the view reads the topic and swaps the fresh tables in (archive.rebuild.*). */
@ConfigMapping(prefix = "archive.rebuild")
public interface RebuildConfig {

    /** Events per poll of the rebuild's own consumer; each poll is one transaction on the fresh tables. */
    @WithDefault("2000")
    int maxPollRecords();

    /** Bytes fetched per partition and request by the rebuild's consumer. */
    @WithDefault("16777216")
    int maxPartitionFetchBytes();

    /** How long to wait for this replica's consumer to finish the batch it is applying. */
    @WithDefault("60s")
    Duration pauseTimeout();

    /**
     * How long the swap waits for the live tables' lock per attempt. While it waits, new searches
     * queue behind it, so this stays short; a long-running query makes it retry instead.
     */
    @WithDefault("5s")
    Duration lockTimeout();

    @WithDefault("10")
    int swapAttempts();
}
