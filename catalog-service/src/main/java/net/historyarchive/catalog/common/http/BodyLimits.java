package net.historyarchive.catalog.common.http;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Largest request bodies accepted, in bytes. */
@ConfigMapping(prefix = "archive.limits")
public interface BodyLimits {

    /** A single document or collection: generous for long transcripts, far below the import limit. */
    @WithDefault("4194304")
    long maxJsonBody();

    /** A bulk import (NDJSON). quarkus.http.limits.max-body-size must be at least this. */
    @WithDefault("536870912")
    long maxImportBody();
}
