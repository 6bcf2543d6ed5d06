package net.historyarchive.deploychecks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** docker-compose.yml: the compose-spec schema, build files, start order, health checks, configuration. */
class ComposeFileTest {

    static final String FILE = "docker-compose.yml";
    static final JsonNode COMPOSE = Repo.yaml(FILE);
    static final JsonNode SERVICES = COMPOSE.path("services");
    static final JsonSchema SCHEMA = loadSchema();

    /** The vendored schema (see compose-spec/README.md); its relative $id resolves against the classpath. */
    private static JsonSchema loadSchema() {
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7)
                .getSchema(SchemaLocation.of("classpath:compose-spec/compose-spec.json"));
    }

    static List<String> schemaErrors(JsonNode compose) {
        return SCHEMA.validate(compose).stream().map(ValidationMessage::getMessage).sorted().toList();
    }

    static JsonNode service(String name) {
        JsonNode s = SERVICES.path(name);
        assertThat(s.isObject()).as("service %s in %s", name, FILE).isTrue();
        return s;
    }

    static List<String> serviceNames() {
        List<String> names = new ArrayList<>();
        SERVICES.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** environment in map or list form, as name to value (null when only named). */
    static Map<String, String> environment(JsonNode service) {
        Map<String, String> env = new LinkedHashMap<>();
        JsonNode e = service.path("environment");
        if (e.isObject()) {
            e.fields().forEachRemaining(f -> env.put(f.getKey(), f.getValue().isNull() ? null : f.getValue().asText()));
        } else if (e.isArray()) {
            e.forEach(item -> {
                String s = item.asText();
                int eq = s.indexOf('=');
                env.put(eq < 0 ? s : s.substring(0, eq), eq < 0 ? null : s.substring(eq + 1));
            });
        }
        return env;
    }

    /** Short-syntax volume entries as [source, target, mode]; long syntax as the same three fields. */
    static List<String[]> volumes(JsonNode service) {
        List<String[]> result = new ArrayList<>();
        service.path("volumes").forEach(v -> {
            if (v.isTextual()) {
                String[] parts = v.asText().split(":");
                result.add(new String[] {parts[0], parts.length > 1 ? parts[1] : parts[0], parts.length > 2 ? parts[2] : "rw"});
            } else {
                result.add(new String[] {v.path("source").asText(), v.path("target").asText(),
                        v.path("read_only").asBoolean() ? "ro" : "rw"});
            }
        });
        return result;
    }

    static boolean isBind(String source) {
        return source.startsWith("./") || source.startsWith("../") || source.startsWith("/");
    }

    static boolean isOneShot(JsonNode service) {
        return "no".equals(service.path("restart").asText());
    }

    @Test
    void matchesTheComposeSpecification() {
        assertThat(schemaErrors(COMPOSE)).isEmpty();
    }

    @Test
    void theSchemaCheckCatchesMistakes() {
        ObjectNode misspelt = COMPOSE.deepCopy();
        ((ObjectNode) misspelt.path("services").path("catalog-service").path("healthcheck")).put("intervall", "5s");
        assertThat(schemaErrors(misspelt)).isNotEmpty();

        ObjectNode badCondition = COMPOSE.deepCopy();
        ((ObjectNode) badCondition.path("services").path("catalog-service").path("depends_on").path("postgres"))
                .put("condition", "service_ready");
        assertThat(schemaErrors(badCondition)).isNotEmpty();

        ObjectNode badType = COMPOSE.deepCopy();
        ((ObjectNode) badType.path("services").path("catalog-service")).put("ports", "18080:8080");
        assertThat(schemaErrors(badType)).isNotEmpty();
    }

    @Test
    void everyBuildNamesADockerfileThatExists() {
        List<String> built = new ArrayList<>();
        for (String name : serviceNames()) {
            JsonNode build = service(name).path("build");
            if (build.isMissingNode()) {
                continue;
            }
            String context = build.isTextual() ? build.asText() : build.path("context").asText(".");
            String dockerfile = build.isTextual() ? "Dockerfile" : build.path("dockerfile").asText("Dockerfile");
            Path contextDir = Repo.path(context);
            assertThat(contextDir).as("%s: build context", name).isDirectory();
            assertThat(contextDir.resolve(dockerfile)).as("%s: Dockerfile", name).isRegularFile();
            assertThat(contextDir.normalize()).as("%s: builds from the repository root (the module needs the parent pom)", name)
                    .isEqualTo(Repo.ROOT);
            assertThat(service(name).path("image").asText()).as("%s: tags what it builds", name).isNotEmpty();
            built.add(name);
        }
        assertThat(built).containsExactlyInAnyOrder("catalog-service", "search-service");
    }

    @Test
    void everyDependencyWaitsForHealthOrSuccessfulCompletion() {
        List<String> problems = new ArrayList<>();
        for (String name : serviceNames()) {
            JsonNode dependsOn = service(name).path("depends_on");
            if (dependsOn.isMissingNode()) {
                continue;
            }
            if (!dependsOn.isObject()) {
                problems.add(name + ": depends_on in list form only waits for the start");
                continue;
            }
            dependsOn.fields().forEachRemaining(dep -> {
                String condition = dep.getValue().path("condition").asText();
                JsonNode target = SERVICES.path(dep.getKey());
                if (target.isMissingNode()) {
                    problems.add(name + " depends on unknown service " + dep.getKey());
                } else if (condition.equals("service_healthy")) {
                    if (target.path("healthcheck").path("test").isMissingNode() || target.path("healthcheck").path("disable").asBoolean()) {
                        problems.add(name + " waits for " + dep.getKey() + " to be healthy, which has no health check");
                    }
                } else if (condition.equals("service_completed_successfully")) {
                    if (!isOneShot(target)) {
                        problems.add(name + " waits for " + dep.getKey() + " to complete, which is not a one-shot (restart: \"no\")");
                    }
                } else {
                    problems.add(name + " -> " + dep.getKey() + ": condition " + condition
                            + " (want service_healthy or service_completed_successfully)");
                }
            });
        }
        assertThat(problems).isEmpty();
    }

    /** Long-running services whose image has nothing to probe with, and why that is acceptable. */
    static final Map<String, String> UNPROBED = Map.of("otel-collector",
            "the collector image is FROM scratch (no shell, no client); nothing waits for it, the services' exporters retry");

    @Test
    void everyLongRunningServiceHasAMeaningfulHealthCheck() {
        for (String name : serviceNames()) {
            if (UNPROBED.containsKey(name)) {
                assertThat(Repo.read(FILE)).as("the file says why %s is not probed", name).contains("FROM scratch");
                for (String other : serviceNames()) {
                    assertThat(service(other).path("depends_on").has(name)).as("%s waits for unprobed %s", other, name).isFalse();
                }
                continue;
            }
            if (!isOneShot(service(name))) {
                assertThat(service(name).path("healthcheck").path("test").isMissingNode())
                        .as("%s has a health check", name).isFalse();
            }
        }
        assertThat(service("postgres").path("healthcheck").path("test").toString()).contains("pg_isready");
        assertThat(service("kafka").path("healthcheck").path("test").toString()).contains("kafka-broker-api-versions.sh");
        assertThat(service("opensearch").path("healthcheck").path("test").toString())
                .as("the cluster answers and its shards are allocated").contains("/_cluster/health?wait_for_status=yellow");
        for (String name : List.of("catalog-service", "search-service")) {
            String port = environment(service(name)).get("QUARKUS_HTTP_PORT");
            assertThat(service(name).path("healthcheck").path("test").toString())
                    .as("%s probes readiness on its own port without curl (not in the JRE image)", name)
                    .contains("/dev/tcp/127.0.0.1/" + port).contains("/q/health/ready").contains(" 200 ");
        }
    }

    @Test
    void servicesGetOnlyEnvironmentVariablesTheyRead() {
        List<String> problems = new ArrayList<>();
        for (String name : List.of("catalog-service", "search-service")) {
            JsonNode s = service(name);
            assertThat(s.has("env_file")).as("%s: no env_file (its variables could not be checked)", name).isFalse();
            ServiceConfig config = ServiceConfig.of(name);
            for (String variable : environment(s).keySet()) {
                if (config.whyRead(variable).isEmpty()) {
                    problems.add(name + " is given " + variable + ", which it does not read; it reads "
                            + config.accepted().keySet());
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void servicesAreWiredToPostgresKafkaAndTheDevKey() {
        String initScript = Repo.read("compose/postgres/10-create-databases.sh");
        Map<String, String> postgres = environment(service("postgres"));
        for (String name : List.of("catalog-service", "search-service")) {
            ServiceConfig config = ServiceConfig.of(name);
            Map<String, String> env = environment(service(name));
            assertThat(env).as("%s: variables whose default names localhost", name)
                    .containsKeys(config.variablesThatMustBeSet().toArray(String[]::new));
            config.database().ifPresent(ds -> {
                assertThat(env.get(ds.urlVariable())).isEqualTo("jdbc:postgresql://postgres:5432/" + ds.database());
                assertThat(env.get(ds.userVariable())).isEqualTo(ds.user());
                assertThat(initScript).as("the init script creates %s's database and role", name)
                        .contains("CREATE DATABASE " + ds.database() + " OWNER " + ds.user())
                        .contains("CREATE ROLE " + ds.user() + " LOGIN");
                assertThat(env.get(ds.passwordVariable()))
                        .as("%s: the same password (and dev default) as the init script gets", name)
                        .isEqualTo(postgres.get(ds.passwordVariable()))
                        .startsWith("${" + ds.passwordVariable() + ":-");
                assertThat(service(name).path("depends_on").path("postgres").path("condition").asText())
                        .isEqualTo("service_healthy");
            });
            config.kafkaVariable().ifPresent(kafka -> {
                assertThat(env.get(kafka)).isEqualTo("kafka:9092");
                assertThat(environment(service("kafka")).get("KAFKA_ADVERTISED_LISTENERS"))
                        .isEqualTo("PLAINTEXT://" + env.get(kafka));
                assertThat(service(name).path("depends_on").path("kafka-topics").path("condition").asText())
                        .as("%s starts once the topics exist", name).isEqualTo("service_completed_successfully");
            });
        }
        Map<String, String> search = environment(service("search-service"));
        assertThat(search.get(OpenSearchSettings.URL)).isEqualTo("http://opensearch:9200");
        assertThat(search).as("security is off in compose: no OpenSearch credentials")
                .doesNotContainKeys(OpenSearchSettings.USERNAME, OpenSearchSettings.PASSWORD);
        assertThat(service("search-service").path("depends_on").path("opensearch").path("condition").asText())
                .isEqualTo("service_healthy");
        assertThat(service("search-service").path("depends_on").has("postgres")).as("search-service has no database").isFalse();
        assertThat(Repo.read(FILE)).as("nothing of search-service's former database is left").doesNotContain("SEARCH_DB_");

        Map<String, String> catalog = environment(service("catalog-service"));
        assertThat(catalog.get("MP_JWT_VERIFY_ISSUER")).isEqualTo(DevTokenSource.issuer());
        String keyLocation = catalog.get("MP_JWT_VERIFY_PUBLICKEY_LOCATION");
        assertThat(volumes(service("catalog-service"))).anySatisfy(v -> {
            assertThat(v[0]).isEqualTo("./test-infra/src/main/resources/dev-keys/public.pem");
            assertThat(v[1]).isEqualTo(keyLocation);
            assertThat(v[2]).isEqualTo("ro");
        });
    }

    @Test
    void topicsAreCreatedOnPurposeBeforeTheServicesStart() {
        assertThat(environment(service("kafka")).get("KAFKA_AUTO_CREATE_TOPICS_ENABLE"))
                .as("a consumer's first metadata request must not create the topic with broker defaults")
                .isEqualTo("false");
        JsonNode topics = service("kafka-topics");
        assertThat(isOneShot(topics)).isTrue();
        assertThat(topics.path("image").asText()).isEqualTo(service("kafka").path("image").asText());
        String[] script = volumes(topics).stream().filter(v -> v[0].endsWith("create-topics.sh")).findFirst()
                .orElseThrow(() -> new AssertionError("kafka-topics mounts no create-topics.sh"));
        assertThat(topics.path("entrypoint").toString()).contains(script[1]);
        assertThat(Repo.read(script[0])).contains("kafka-topics.sh", "--create --if-not-exists",
                "--topic \"$TOPIC\"", "--partitions \"$PARTITIONS\"", "cleanup.policy=\"$CLEANUP_POLICY\"",
                "--topic \"$DLQ_TOPIC\"");
        Map<String, String> env = environment(topics);
        EventsDefaults events = EventsDefaults.read();
        assertThat(env.get("TOPIC")).isEqualTo(events.topic());
        assertThat(env.get("PARTITIONS")).isEqualTo(events.partitions());
        assertThat(env.get("REPLICATION_FACTOR")).isEqualTo(events.replicationFactor());
        assertThat(env.get("CLEANUP_POLICY")).isEqualTo("compact");
        assertThat(env.get("BOOTSTRAP_SERVERS")).isEqualTo("kafka:9092");
        String scriptText = Repo.read(script[0]);
        for (String setting : EventsDefaults.topicConfigNames()) {
            String key = EventsDefaults.key(setting);
            assertThat(env).as("catalog-service's TopicSetup sets %s", setting).containsKey(key);
            assertThat(scriptText).contains("--config " + setting + "=\"$" + key + "\"");
        }
        EventsDefaults.maxMessageBytes().ifPresent(max -> assertThat(env.get("MAX_MESSAGE_BYTES")).isEqualTo(String.valueOf(max)));
        IngestDefaults.read().ifPresent(ingest -> {
            assertThat(env.get("DLQ_TOPIC")).isEqualTo(ingest.deadLetterTopic());
            assertThat(ingest.topic()).isEqualTo(env.get("TOPIC"));
        });
    }

    @Test
    void publishesCatalogOn18080AndSearchOn18081() {
        assertThat(service("catalog-service").path("ports").get(0).asText())
                .isEqualTo("18080:" + environment(service("catalog-service")).get("QUARKUS_HTTP_PORT"));
        assertThat(service("search-service").path("ports").get(0).asText())
                .isEqualTo("18081:" + environment(service("search-service")).get("QUARKUS_HTTP_PORT"));
    }

    @Test
    void infrastructureImagesAndKraftMode() {
        assertThat(service("postgres").path("image").asText()).isEqualTo("postgres:17");
        assertThat(service("kafka").path("image").asText()).as("the project's Kafka version (pom.xml)")
                .isEqualTo("apache/kafka:" + ProjectVersions.kafka());
        Map<String, String> kafka = environment(service("kafka"));
        assertThat(kafka.get("KAFKA_PROCESS_ROLES")).contains("broker").contains("controller");
        assertThat(kafka).doesNotContainKey("KAFKA_ZOOKEEPER_CONNECT");
        assertThat(kafka.get("KAFKA_LISTENERS")).contains("PLAINTEXT://:9092");
    }

    @Test
    void openSearchIsTheOfficialImageSingleNodeWithSecurityOffAndAFixedHeap() {
        JsonNode os = service("opensearch");
        String image = os.path("image").asText();
        assertThat(image).matches("opensearchproject/opensearch:2\\.19\\.\\d+");
        ProjectVersions.opensearch().ifPresent(v -> assertThat(image).as("the version the tests run").endsWith(":" + v));
        Map<String, String> env = environment(os);
        assertThat(env.get("discovery.type")).isEqualTo("single-node");
        assertThat(env.get("DISABLE_SECURITY_PLUGIN")).as("security off, said so in the file").isEqualTo("true");
        assertThat(Repo.read(FILE)).contains("security plugin DISABLED");
        Matcher heap = Pattern.compile("-Xms(\\d+)m -Xmx(\\d+)m").matcher(env.getOrDefault("OPENSEARCH_JAVA_OPTS", ""));
        assertThat(heap.matches()).as("OPENSEARCH_JAVA_OPTS sets the heap: %s", env.get("OPENSEARCH_JAVA_OPTS")).isTrue();
        assertThat(heap.group(1)).isEqualTo(heap.group(2));
        assertThat(megabytes(os.path("mem_limit").asText())).as("room beside the heap")
                .isGreaterThanOrEqualTo(2L * Long.parseLong(heap.group(2)));
        assertThat(volumes(os)).anySatisfy(v -> {
            assertThat(COMPOSE.path("volumes").has(v[0])).as("a named volume").isTrue();
            assertThat(v[1]).isEqualTo("/usr/share/opensearch/data");
        });
        assertThat(Repo.read(FILE)).as("built-in analysis only (asciifolding, stemmer): no ICU plugin").doesNotContain("analysis-icu");
    }

    /** 768m, 1g, 512M to megabytes. */
    static long megabytes(String size) {
        Matcher m = Pattern.compile("(\\d+)([kKmMgG])?[bB]?").matcher(size);
        assertThat(m.matches()).as("a size: %s", size).isTrue();
        long n = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "" : m.group(2).toLowerCase(java.util.Locale.ROOT);
        return switch (unit) {
            case "g" -> n * 1024;
            case "m" -> n;
            case "k" -> n / 1024;
            default -> n / (1024 * 1024);
        };
    }

    @Test
    void servicesRunUnderTheSameMemoryLimitAsInKubernetesAndStopGracefully() {
        for (String name : List.of("catalog-service", "search-service")) {
            JsonNode s = service(name);
            assertThat(megabytes(s.path("mem_limit").asText())).as("%s: mem_limit", name).isEqualTo(Sizing.LIMIT_MIB);
            assertThat(environment(s)).as("%s: the image's JVM options apply", name).doesNotContainKey(ServiceConfig.JAVA_OPTS);
            Matcher grace = Pattern.compile("(\\d+)s").matcher(s.path("stop_grace_period").asText());
            assertThat(grace.matches()).as("%s: stop_grace_period in seconds", name).isTrue();
            assertThat(Long.parseLong(grace.group(1))).as("%s: docker compose stop waits for the drain", name)
                    .isGreaterThanOrEqualTo(Sizing.shutdownSeconds(name));
        }
    }

    @Test
    void aChangedDatabasePasswordIsReportedBeforeTheCatalogStarts() {
        JsonNode check = service("postgres-login-check");
        assertThat(isOneShot(check)).isTrue();
        assertThat(check.path("image").asText()).isEqualTo(service("postgres").path("image").asText());
        Map<String, String> env = environment(check);
        ServiceConfig.Datasource ds = ServiceConfig.of("catalog-service").datasource().orElseThrow();
        Map<String, String> catalog = environment(service("catalog-service"));
        assertThat(env.get("DB_PASSWORD")).isEqualTo(catalog.get(ds.passwordVariable()));
        assertThat(env.get("DB_USER")).isEqualTo(catalog.get(ds.userVariable()));
        assertThat(env.get("DB_NAME")).isEqualTo(ds.database());
        assertThat(env.get("PASSWORD_VARIABLE")).isEqualTo(ds.passwordVariable());
        assertThat(service("catalog-service").path("depends_on").path("postgres-login-check").path("condition").asText())
                .isEqualTo("service_completed_successfully");
        String[] script = volumes(check).stream().filter(v -> v[0].endsWith("check-login.sh")).findFirst().orElseThrow();
        assertThat(check.path("entrypoint").toString()).contains(script[1]);
        assertThat(Repo.read(script[0])).contains("password authentication failed", "ALTER ROLE", "README.md");
        assertThat(Repo.bytes("k8s/overlays/dev/postgres/check-login.sh")).isEqualTo(Repo.bytes(script[0].substring(2)));
    }

    @Test
    void postgresKeepsItsDurableDefaults() {
        JsonNode pg = service("postgres");
        String settings = pg.path("command").toString() + pg.path("entrypoint") + environment(pg);
        assertThat(Durability.offenders(settings)).as("postgres must keep fsync, synchronous_commit and full_page_writes on").isEmpty();
        assertThat(pg.path("image").asText()).as("the official image, whose defaults are durable").startsWith("postgres:");
    }

    @Test
    void postgresInitScriptCreatesTheCatalogDatabaseOnly() {
        String[] init = volumes(service("postgres")).stream()
                .filter(v -> v[1].startsWith("/docker-entrypoint-initdb.d/")).findFirst()
                .orElseThrow(() -> new AssertionError("no init script mounted into /docker-entrypoint-initdb.d"));
        Path script = Repo.path(init[0]);
        assertThat(script).isRegularFile();
        assertThat(Files.isExecutable(script)).as("executable, so the image runs rather than sources it").isTrue();
        assertThat(Repo.read(script)).contains("CREATE DATABASE catalog", "CREATE ROLE catalog", ":'catalog_password'")
                .as("search-service has no database any more").doesNotContain("CREATE DATABASE search", "CREATE ROLE search");
        assertThat(environment(service("postgres"))).containsKeys("CATALOG_DB_PASSWORD").doesNotContainKey("SEARCH_DB_PASSWORD");
    }

    @Test
    void bindMountsExistAndTheDevPrivateKeyStaysInTheTokenStep() {
        for (String name : serviceNames()) {
            for (String[] v : volumes(service(name))) {
                if (isBind(v[0])) {
                    assertThat(Repo.path(v[0])).as("%s mounts %s", name, v[0]).exists();
                    assertThat(v[2]).as("%s mounts %s read-only", name, v[0]).isEqualTo("ro");
                } else {
                    assertThat(COMPOSE.path("volumes").has(v[0])).as("%s: named volume %s is declared", name, v[0]).isTrue();
                }
                if (v[0].endsWith("private.pem")) {
                    assertThat(name).as("only dev-token sees the dev private key").isEqualTo("dev-token");
                }
            }
        }
    }

    @Test
    void sampleDataIsImportedWithATokenMintedAtRunTime() {
        JsonNode token = service("dev-token");
        assertThat(isOneShot(token)).isTrue();
        assertThat(token.path("image").asText()).startsWith("eclipse-temurin:17");
        assertThat(token.path("command").toString()).contains("java " + DevTokenSource.PATH).contains("--role archivist");
        String workDir = token.path("working_dir").asText();
        assertThat(volumes(token)).anySatisfy(v -> assertThat(v[1]).isEqualTo(workDir + "/" + DevTokenSource.PATH));
        assertThat(volumes(token)).anySatisfy(v -> assertThat(v[1]).isEqualTo(workDir + "/" + DevTokenSource.keyFile()));

        JsonNode sample = service("sample-data");
        assertThat(isOneShot(sample)).isTrue();
        assertThat(sample.path("depends_on").path("dev-token").path("condition").asText()).isEqualTo("service_completed_successfully");
        assertThat(sample.path("depends_on").path("catalog-service").path("condition").asText()).isEqualTo("service_healthy");
        Map<String, String> env = environment(sample);
        assertThat(env.get("CATALOG_URL")).isEqualTo("http://catalog-service:8080");
        assertThat(volumes(sample)).anySatisfy(v -> {
            assertThat(v[0]).isEqualTo("./catalog-service/src/main/resources/sample-data/documents.ndjson");
            assertThat(v[1]).isEqualTo(env.get("SAMPLE_FILE"));
        });
        String script = volumes(sample).stream().filter(v -> v[0].endsWith(".sh")).map(v -> Repo.read(v[0]))
                .findFirst().orElseThrow();
        assertThat(script).contains("/api/v1/documents/import", "Content-Type: application/x-ndjson",
                "Authorization: Bearer", "--data-binary");
    }

    @Test
    void tracesGoFromBothServicesThroughTheCollectorToJaeger() {
        TraceWiring wiring = TraceWiring.read();
        JsonNode collector = service("otel-collector");
        assertThat(collector.path("image").asText()).matches("otel/opentelemetry-collector(-contrib)?:\\d+\\.\\d+\\.\\d+");
        String[] config = volumes(collector).stream().filter(v -> v[0].equals("./" + TraceWiring.CONFIG)).findFirst()
                .orElseThrow(() -> new AssertionError("otel-collector does not mount " + TraceWiring.CONFIG));
        assertThat(collector.path("command").toString()).as("the collector runs the mounted configuration")
                .contains("--config=" + config[1]);
        for (String name : List.of("catalog-service", "search-service")) {
            Map<String, String> env = environment(service(name));
            wiring.assertServicePointsAt(name, env.get("OTEL_SDK_DISABLED"), env.get("OTEL_EXPORTER_OTLP_ENDPOINT"),
                    env.get("OTEL_EXPORTER_OTLP_PROTOCOL"), "otel-collector");
        }
        assertThat(wiring.exporterEndpoint()).as("the collector forwards to Jaeger's OTLP gRPC port").isEqualTo("jaeger:4317");
        JsonNode jaeger = service("jaeger");
        assertThat(jaeger.path("image").asText()).as("Jaeger v2 (OTLP in, UI)").matches("jaegertracing/jaeger:2\\.\\d+\\.\\d+");
        assertThat(jaeger.path("ports").get(0).asText()).as("the UI on localhost:16686").isEqualTo("16686:16686");
        assertThat(jaeger.path("healthcheck").path("test").toString()).contains("13133/status");
        assertThat(Repo.read(FILE)).contains("http://localhost:16686");
    }

    @Test
    void theTraceWiringCheckCatchesAWrongPort() {
        TraceWiring wiring = TraceWiring.read();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> wiring.assertServicePointsAt("catalog-service", "false",
                "http://otel-collector:" + wiring.httpPort(), null, "otel-collector")).isInstanceOf(AssertionError.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> wiring.assertServicePointsAt("catalog-service", "false",
                "http://collector:" + wiring.grpcPort(), null, "otel-collector")).isInstanceOf(AssertionError.class);
    }

    static final Pattern JWT = Pattern.compile("eyJ[A-Za-z0-9_-]{8,}\\.eyJ[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]+");

    @Test
    void noTokenIsCommitted() throws IOException {
        List<Path> files = new ArrayList<>(List.of(Repo.path(FILE), Repo.path(".dockerignore")));
        for (String dir : List.of("compose", "k8s")) {
            try (Stream<Path> walk = Files.walk(Repo.path(dir))) {
                walk.filter(Files::isRegularFile).forEach(files::add);
            }
        }
        for (Path f : files) {
            assertThat(JWT.matcher(Repo.read(f)).find()).as("a JWT in %s", Repo.relative(f)).isFalse();
        }
    }
}
