package net.historyarchive.search.admin;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** How a rebuild of the view reads the topic and reports (archive.rebuild.*). */
@ConfigMapping(prefix = "archive.rebuild")
public interface RebuildConfig {

    /** Events per poll of the rebuild's own consumer; each poll is one bulk request. */
    @WithDefault("2000")
    int maxPollRecords();

    /** Bytes fetched per partition and request by the rebuild's consumer. */
    @WithDefault("16777216")
    int maxPartitionFetchBytes();

    /**
     * A running rebuild whose replica has not reported progress for this long is taken as
     * abandoned (the pod stopped or died): it shows as FAILED and a new rebuild may start.
     */
    @WithDefault("60s")
    Duration abandonedAfter();

    /** How often a running rebuild writes its progress to the shared status. */
    @WithDefault("1s")
    Duration progressInterval();
}
