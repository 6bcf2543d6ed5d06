package net.historyarchive.deploychecks;

import java.util.Map;

/**
 * search-service's OpenSearch settings, as the lead decided them for the OpenSearch rewrite
 * (issue #11): {@code archive.opensearch.*}, read through a {@code @ConfigMapping}, so they need
 * not appear in application.properties. The deployment files may set exactly these.
 */
final class OpenSearchSettings {

    static final String URL = "ARCHIVE_OPENSEARCH_URL";
    static final String USERNAME = "ARCHIVE_OPENSEARCH_USERNAME";
    static final String PASSWORD = "ARCHIVE_OPENSEARCH_PASSWORD";

    static final Map<String, String> KEYS = Map.of(
            "archive.opensearch.url", "search-service's OpenSearch base URLs (comma-separated; default http://localhost:9200)",
            "archive.opensearch.username", "search-service's OpenSearch user, where security is on",
            "archive.opensearch.password", "that user's password",
            "archive.opensearch.index-prefix", "the prefix of the view's indices and alias (default archive-documents)");

    /** The default index prefix; the production role grants its indices only. */
    static final String DEFAULT_INDEX_PREFIX = "archive-documents";

    private OpenSearchSettings() {
    }
}
