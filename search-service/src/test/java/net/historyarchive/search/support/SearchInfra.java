package net.historyarchive.search.support;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import net.historyarchive.infra.ArchiveInfraResource;

/** Real PostgreSQL 17 (database "search") and Kafka for every search-service test. */
@QuarkusTestResource(value = ArchiveInfraResource.class, restrictToAnnotatedClass = false,
        initArgs = @ResourceArg(name = ArchiveInfraResource.DATABASE_ARG, value = "search"))
public final class SearchInfra {

    private SearchInfra() {
    }
}
