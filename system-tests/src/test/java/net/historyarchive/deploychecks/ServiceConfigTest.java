package net.historyarchive.deploychecks;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The rule that decides which environment variables a service reads. */
class ServiceConfigTest {

    @Test
    void environmentFormOfPropertyKeys() {
        assertThat(ServiceConfig.envName("quarkus.http.port")).isEqualTo("QUARKUS_HTTP_PORT");
        assertThat(ServiceConfig.envName("mp.jwt.verify.publickey.location")).isEqualTo("MP_JWT_VERIFY_PUBLICKEY_LOCATION");
        assertThat(ServiceConfig.envName("archive.events.replication-factor")).isEqualTo("ARCHIVE_EVENTS_REPLICATION_FACTOR");
        assertThat(ServiceConfig.withoutProfile("%dev.mp.jwt.verify.publickey.location")).isEqualTo("mp.jwt.verify.publickey.location");
        assertThat(ServiceConfig.withoutProfile("%dev,test.a.b")).isEqualTo("a.b");
    }

    @Test
    void catalogServiceReadsWhatTheReadmeSays() {
        ServiceConfig catalog = ServiceConfig.of("catalog-service");
        for (String variable : new String[] {"CATALOG_DB_URL", "CATALOG_DB_USER", "CATALOG_DB_PASSWORD",
                "KAFKA_BOOTSTRAP_SERVERS", "MP_JWT_VERIFY_PUBLICKEY_LOCATION", "MP_JWT_VERIFY_ISSUER", "QUARKUS_HTTP_PORT"}) {
            assertThat(catalog.whyRead(variable)).as(variable).isPresent();
        }
        assertThat(catalog.whyRead("CATALOG_DB_URL").orElseThrow()).contains("${CATALOG_DB_URL}");
        assertThat(catalog.whyRead("MP_JWT_VERIFY_PUBLICKEY_LOCATION").orElseThrow()).contains("mp.jwt.verify.publickey.location");
        assertThat(catalog.whyRead("CATALOG_DB_HOST")).isEmpty();
        assertThat(catalog.whyRead("QUARKUS_DATASOURCE_JDBC_MAX_SIZE")).isPresent();
        assertThat(catalog.whyRead("QUARKUS_DATASOURCE_JDBC_MIN_SIZE")).as("not set in the file, not listed").isEmpty();
    }

    @Test
    void searchServiceReadsItsPortButNotTheCatalogsSettings() {
        ServiceConfig search = ServiceConfig.of("search-service");
        assertThat(search.whyRead("QUARKUS_HTTP_PORT")).isPresent();
        assertThat(search.whyRead("CATALOG_DB_URL")).isEmpty();
        // the admin rebuild verifies tokens like the catalog does
        assertThat(search.whyRead("MP_JWT_VERIFY_ISSUER")).isPresent();
        assertThat(search.whyRead("MP_JWT_VERIFY_PUBLICKEY_LOCATION")).isPresent();
        assertThat(search.whyRead("CATALOG_DB_USER")).isEmpty();
    }

    @Test
    void searchServiceReadsItsOpenSearchSettings() {
        ServiceConfig search = ServiceConfig.of("search-service");
        for (String variable : new String[] {OpenSearchSettings.URL, OpenSearchSettings.USERNAME,
                OpenSearchSettings.PASSWORD, "ARCHIVE_OPENSEARCH_INDEX_PREFIX"}) {
            assertThat(search.whyRead(variable)).as(variable).isPresent();
        }
        assertThat(search.whyRead("JAVA_OPTS").orElseThrow()).contains("search-service/Dockerfile");
    }

    /** Holds once the OpenSearch rewrite (#11) has removed search-service's PostgreSQL. */
    @Test
    void searchServiceHasNoDatabase() {
        ServiceConfig search = ServiceConfig.of("search-service");
        assertThat(search.datasource()).as("search-service's view lives in OpenSearch, not PostgreSQL").isEmpty();
        assertThat(search.propertyKeys()).noneMatch(k -> k.startsWith("quarkus.datasource.") || k.startsWith("quarkus.flyway."));
    }

    @Test
    void datasourceAndKafkaWiringIsReadFromTheProperties() {
        ServiceConfig catalog = ServiceConfig.of("catalog-service");
        assertThat(catalog.datasource()).hasValue(new ServiceConfig.Datasource(
                "CATALOG_DB_URL", "CATALOG_DB_USER", "CATALOG_DB_PASSWORD", "catalog", "catalog"));
        assertThat(catalog.kafkaVariable()).hasValue("KAFKA_BOOTSTRAP_SERVERS");
        assertThat(catalog.variablesThatMustBeSet()).containsExactly("CATALOG_DB_URL", "KAFKA_BOOTSTRAP_SERVERS");
    }

    @Test
    void theExplicitlyListedKeyIsReallyDeclaredByTheCatalog() {
        // archive.events.replication-factor: EventsConfig is @ConfigMapping(prefix = "archive.events")
        // with replicationFactor() (kebab-case: replication-factor).
        assertThat(ServiceConfig.EXTRA_KEYS.get("catalog-service")).containsOnlyKeys("archive.events.replication-factor");
        assertThat(EventsDefaults.read().replicationFactor()).isEqualTo("1");
        assertThat(ServiceConfig.of("catalog-service").whyRead("ARCHIVE_EVENTS_REPLICATION_FACTOR")).isPresent();
    }
}
