package net.historyarchive.catalog.common.http;

/** Media types this API speaks besides application/json. */
public final class ApiMediaTypes {

    public static final String MERGE_PATCH_JSON = "application/merge-patch+json";
    public static final String NDJSON = "application/x-ndjson";

    private ApiMediaTypes() {
    }
}
