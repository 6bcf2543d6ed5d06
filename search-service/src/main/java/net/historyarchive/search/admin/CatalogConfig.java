package net.historyarchive.search.admin;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.net.URI;

/** Where catalog-service answers (archive.catalog.*): the consistency check reads its public change feed. */
@ConfigMapping(prefix = "archive.catalog")
public interface CatalogConfig {

    /** Base URL of catalog-service, e.g. http://catalog:8080 (env ARCHIVE_CATALOG_URL). */
    @WithDefault("http://localhost:8080")
    URI url();
}
