package net.historyarchive.search.support;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import net.historyarchive.infra.ArchiveInfraResource;

/** A real OpenSearch node and a real Kafka broker for every search-service test (no database: the view lives in OpenSearch). */
@QuarkusTestResource(value = ArchiveInfraResource.class, restrictToAnnotatedClass = false,
        initArgs = @ResourceArg(name = ArchiveInfraResource.OPENSEARCH_ARG, value = "true"))
public final class SearchInfra {

    private SearchInfra() {
    }
}
