package net.historyarchive.catalog.support;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import net.historyarchive.infra.ArchiveInfraResource;

/**
 * Real PostgreSQL 17 and Kafka for every catalog test: annotate a test class with
 * {@code @QuarkusTestResource} through this holder's annotation (restrictToAnnotatedClass=false
 * makes it apply to all @QuarkusTest classes of the module).
 */
@QuarkusTestResource(value = ArchiveInfraResource.class, restrictToAnnotatedClass = false,
        initArgs = @ResourceArg(name = ArchiveInfraResource.DATABASE_ARG, value = "catalog"))
public final class CatalogInfra {

    private CatalogInfra() {
    }
}
