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

    @Test
    void everyLongRunningServiceHasAMeaningfulHealthCheck() {
        for (String name : serviceNames()) {
            if (!isOneShot(service(name))) {
                assertThat(service(name).path("healthcheck").path("test").isMissingNode())
                        .as("%s has a health check", name).isFalse();
            }
        }
        assertThat(service("postgres").path("healthcheck").path("test").toString()).contains("pg_isready");
        assertThat(service("kafka").path("healthcheck").path("test").toString()).contains("kafka-broker-api-versions.sh");
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
            config.datasource().ifPresent(ds -> {
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
        assertThat(service("kafka").path("image").asText()).matches("apache/kafka:4\\.1\\.\\d+");
        Map<String, String> kafka = environment(service("kafka"));
        assertThat(kafka.get("KAFKA_PROCESS_ROLES")).contains("broker").contains("controller");
        assertThat(kafka).doesNotContainKey("KAFKA_ZOOKEEPER_CONNECT");
        assertThat(kafka.get("KAFKA_LISTENERS")).contains("PLAINTEXT://:9092");
    }

    @Test
    void postgresInitScriptCreatesBothDatabases() {
        String[] init = volumes(service("postgres")).stream()
                .filter(v -> v[1].startsWith("/docker-entrypoint-initdb.d/")).findFirst()
                .orElseThrow(() -> new AssertionError("no init script mounted into /docker-entrypoint-initdb.d"));
        Path script = Repo.path(init[0]);
        assertThat(script).isRegularFile();
        assertThat(Files.isExecutable(script)).as("executable, so the image runs rather than sources it").isTrue();
        assertThat(Repo.read(script)).contains("CREATE DATABASE catalog", "CREATE DATABASE search",
                "CREATE ROLE catalog", "CREATE ROLE search", ":'catalog_password'", ":'search_password'");
        assertThat(environment(service("postgres"))).containsKeys("CATALOG_DB_PASSWORD", "SEARCH_DB_PASSWORD");
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
