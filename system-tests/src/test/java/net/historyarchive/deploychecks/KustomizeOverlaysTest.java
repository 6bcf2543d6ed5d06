package net.historyarchive.deploychecks;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HTTPGetAction;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Renders k8s/base and every overlay under k8s/overlays with a real kustomize (see {@link Kubectl}),
 * parses every resource strictly into typed models (see {@link Manifests}) and checks what the
 * overlays must get right. No cluster is needed.
 */
class KustomizeOverlaysTest {

    static final List<String> SERVICES = List.of("catalog-service", "search-service");

    static List<String> overlays() {
        return Rendered.overlayNames();
    }

    @Test
    void theExpectedOverlaysExist() {
        assertThat(overlays()).contains("dev", "production");
    }

    @Test
    void baseRendersAndParsesAlone() {
        Rendered base = Rendered.of("base");
        assertThat(base.resources).isNotEmpty();
        assertThat(base.all(Secret.class)).as("the base holds Secret references, never Secret values").isEmpty();
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void rendersAndEveryResourceParsesStrictly(String overlay) {
        Rendered rendered = Rendered.of(overlay);
        assertThat(rendered.resources).hasSameSizeAs(rendered.documents);
        for (String service : SERVICES) {
            rendered.get(Deployment.class, service);
            rendered.get(Service.class, service);
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void servicesHaveHealthProbesOnTheirHttpPort(String overlay) {
        Rendered r = Rendered.of(overlay);
        for (String service : SERVICES) {
            Container c = r.container(service);
            int httpPort = c.getPorts().stream().filter(p -> "http".equals(p.getName()))
                    .map(ContainerPort::getContainerPort).findFirst()
                    .orElseThrow(() -> new AssertionError(service + ": no container port named http"));
            assertThat(r.environment(c).get("QUARKUS_HTTP_PORT"))
                    .as("%s: QUARKUS_HTTP_PORT matches the container port", service)
                    .isEqualTo(String.valueOf(httpPort));
            assertProbe(service + " startup", c.getStartupProbe(), "/q/health/started", httpPort);
            assertProbe(service + " liveness", c.getLivenessProbe(), "/q/health/live", httpPort);
            assertProbe(service + " readiness", c.getReadinessProbe(), "/q/health/ready", httpPort);
        }
    }

    private static void assertProbe(String what, Probe probe, String path, int httpPort) {
        assertThat(probe).as(what + " probe").isNotNull();
        HTTPGetAction get = probe.getHttpGet();
        assertThat(get).as(what + " probe is an HTTP GET").isNotNull();
        assertThat(get.getPath()).as(what + " probe path").isEqualTo(path);
        Object port = get.getPort().getStrVal() != null ? get.getPort().getStrVal() : get.getPort().getIntVal();
        assertThat(port).as(what + " probe port").isIn("http", httpPort);
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyContainerHasRequestsAndLimitsAndRunsAsNonRootWithoutEscalation(String overlay) {
        List<String> problems = new ArrayList<>();
        Rendered.of(overlay).podTemplates().forEach((workload, template) -> {
            PodSpec pod = template.getSpec();
            boolean podNonRoot = pod.getSecurityContext() != null && Boolean.TRUE.equals(pod.getSecurityContext().getRunAsNonRoot());
            List<Container> containers = new ArrayList<>(pod.getContainers());
            containers.addAll(pod.getInitContainers());
            for (Container c : containers) {
                String where = workload + " container " + c.getName();
                var res = c.getResources();
                for (String resource : List.of("cpu", "memory")) {
                    if (res == null || res.getRequests() == null || !res.getRequests().containsKey(resource)) {
                        problems.add(where + ": no " + resource + " request");
                    }
                    if (res == null || res.getLimits() == null || !res.getLimits().containsKey(resource)) {
                        problems.add(where + ": no " + resource + " limit");
                    }
                }
                if (res != null && res.getRequests() != null && res.getLimits() != null) {
                    for (String resource : List.of("cpu", "memory")) {
                        Quantity request = res.getRequests().get(resource);
                        Quantity limit = res.getLimits().get(resource);
                        if (request != null && limit != null
                                && Quantity.getAmountInBytes(request).compareTo(Quantity.getAmountInBytes(limit)) > 0) {
                            problems.add(where + ": " + resource + " request above its limit");
                        }
                    }
                }
                var sc = c.getSecurityContext();
                boolean nonRoot = podNonRoot || (sc != null && Boolean.TRUE.equals(sc.getRunAsNonRoot()));
                if (!nonRoot) {
                    problems.add(where + ": runAsNonRoot is not true");
                }
                if (sc != null && sc.getRunAsUser() != null && sc.getRunAsUser() == 0) {
                    problems.add(where + ": runs as uid 0");
                }
                if (pod.getSecurityContext() != null && pod.getSecurityContext().getRunAsUser() != null
                        && pod.getSecurityContext().getRunAsUser() == 0) {
                    problems.add(where + ": pod runs as uid 0");
                }
                if (sc == null || !Boolean.FALSE.equals(sc.getAllowPrivilegeEscalation())) {
                    problems.add(where + ": allowPrivilegeEscalation is not false");
                }
                if (sc == null || sc.getCapabilities() == null || !sc.getCapabilities().getDrop().contains("ALL")) {
                    problems.add(where + ": capabilities do not drop ALL");
                }
            }
        });
        assertThat(problems).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void eachServiceHasADisruptionBudgetAndSearchServiceAnAutoscaler(String overlay) {
        Rendered r = Rendered.of(overlay);
        for (String service : SERVICES) {
            Map<String, String> podLabels = r.get(Deployment.class, service).getSpec().getTemplate().getMetadata().getLabels();
            List<PodDisruptionBudget> budgets = r.all(PodDisruptionBudget.class).stream()
                    .filter(pdb -> podLabels.entrySet().containsAll(pdb.getSpec().getSelector().getMatchLabels().entrySet()))
                    .toList();
            assertThat(budgets).as("%s: a PodDisruptionBudget selecting its pods", service).hasSize(1);
        }
        HorizontalPodAutoscaler hpa = r.get(HorizontalPodAutoscaler.class, "search-service");
        assertThat(hpa.getSpec().getScaleTargetRef().getKind()).isEqualTo("Deployment");
        assertThat(hpa.getSpec().getScaleTargetRef().getName()).isEqualTo("search-service");
        assertThat(hpa.getSpec().getMinReplicas()).isPositive();
        assertThat(hpa.getSpec().getMaxReplicas()).isGreaterThanOrEqualTo(hpa.getSpec().getMinReplicas());
        int partitions = Integer.parseInt(r.configMap("archive-documents-topic").getData().get("PARTITIONS"));
        assertThat(hpa.getSpec().getMaxReplicas())
                .as("more search consumers than topic partitions would sit idle")
                .isLessThanOrEqualTo(partitions);
        assertThat(r.container("search-service").getResources().getRequests())
                .as("CPU utilization scaling needs a CPU request").containsKey("cpu");
        assertThat(r.get(Deployment.class, "search-service").getSpec().getReplicas())
                .as("the HPA owns search-service's replica count").isNull();
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void servicesSelectPodsAndTargetDeclaredPorts(String overlay) {
        Rendered r = Rendered.of(overlay);
        List<String> problems = new ArrayList<>();
        for (Service svc : r.all(Service.class)) {
            Map<String, String> selector = svc.getSpec().getSelector();
            List<PodTemplateSpec> selected = r.podTemplates().values().stream()
                    .filter(t -> selector != null && t.getMetadata().getLabels().entrySet().containsAll(selector.entrySet()))
                    .toList();
            if (selected.isEmpty()) {
                problems.add("Service " + svc.getMetadata().getName() + " selects no pod template");
                continue;
            }
            for (ServicePort port : svc.getSpec().getPorts()) {
                boolean declared = selected.stream().flatMap(t -> t.getSpec().getContainers().stream())
                        .flatMap(c -> c.getPorts().stream())
                        .anyMatch(p -> port.getTargetPort().getStrVal() != null
                                ? port.getTargetPort().getStrVal().equals(p.getName())
                                : Objects.equals(port.getTargetPort().getIntVal(), p.getContainerPort()));
                if (!declared) {
                    problems.add("Service " + svc.getMetadata().getName() + " port " + port.getName()
                            + " targets " + port.getTargetPort() + ", which no selected container declares");
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void serviceContainersSetOnlyVariablesTheServiceReads(String overlay) {
        Rendered r = Rendered.of(overlay);
        List<String> problems = new ArrayList<>();
        for (String service : SERVICES) {
            ServiceConfig config = ServiceConfig.of(service);
            Set<String> given = r.environment(r.container(service)).keySet();
            for (String required : config.variablesThatMustBeSet()) {
                if (!given.contains(required)) {
                    problems.add(service + " is not given " + required + " (its default names localhost)");
                }
            }
            for (String variable : given) {
                if (config.whyRead(variable).isEmpty()) {
                    problems.add(service + " gets " + variable + ", which it does not read (it reads: "
                            + config.accepted().keySet() + ")");
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    /** Names an overlay may reference without rendering them, each with who creates it. */
    static final Map<String, Map<String, String>> EXTERNAL = Map.of(
            "production", Map.of(
                    "archive-jwt", "ConfigMap provided by the platform (production public key and issuer)",
                    "catalog-db-app", "Secret created by CloudNativePG for Cluster catalog-db",
                    "search-service-opensearch", "Secret provided by the platform: search-service's OpenSearch user (username, password)",
                    "archive-opensearch-ca", "Secret created by the OpenSearch operator for OpenSearchCluster archive-opensearch (its CA, ca.crt)",
                    "archive-opensearch-admin", "Secret provided by the platform: the operator's admin login",
                    "archive-opensearch-securityconfig", "Secret provided by the platform: OpenSearch's security configuration"));

    @ParameterizedTest
    @MethodSource("overlays")
    void everyConfigMapAndSecretReferenceResolves(String overlay) {
        Rendered r = Rendered.of(overlay);
        Map<String, String> external = EXTERNAL.getOrDefault(overlay, Map.of());
        List<String> problems = new ArrayList<>();
        r.podTemplates().forEach((workload, template) -> {
            PodSpec pod = template.getSpec();
            List<Container> containers = new ArrayList<>(pod.getContainers());
            containers.addAll(pod.getInitContainers());
            for (Container c : containers) {
                for (var from : c.getEnvFrom()) {
                    if (from.getConfigMapRef() != null) {
                        checkRef(r, problems, external, workload, "ConfigMap", from.getConfigMapRef().getName(), null);
                    }
                    if (from.getSecretRef() != null) {
                        checkRef(r, problems, external, workload, "Secret", from.getSecretRef().getName(), null);
                    }
                }
                for (EnvVar var : c.getEnv()) {
                    if (var.getValueFrom() == null) {
                        continue;
                    }
                    if (var.getValueFrom().getConfigMapKeyRef() != null) {
                        var ref = var.getValueFrom().getConfigMapKeyRef();
                        checkRef(r, problems, external, workload, "ConfigMap", ref.getName(), ref.getKey());
                    }
                    if (var.getValueFrom().getSecretKeyRef() != null) {
                        var ref = var.getValueFrom().getSecretKeyRef();
                        checkRef(r, problems, external, workload, "Secret", ref.getName(), ref.getKey());
                    }
                }
            }
            for (Volume v : pod.getVolumes()) {
                if (v.getConfigMap() != null) {
                    checkRef(r, problems, external, workload, "ConfigMap", v.getConfigMap().getName(), null);
                    if (v.getConfigMap().getItems() != null) {
                        v.getConfigMap().getItems().forEach(item -> checkRef(r, problems, external, workload,
                                "ConfigMap", v.getConfigMap().getName(), item.getKey()));
                    }
                }
                if (v.getSecret() != null) {
                    checkRef(r, problems, external, workload, "Secret", v.getSecret().getSecretName(), null);
                }
            }
        });
        assertThat(problems).isEmpty();
        if (overlay.equals("production")) {
            // The external Secret is the one CloudNativePG creates: <cluster>-app for a Cluster here.
            assertThat(r.generic("postgresql.cnpg.io", "Cluster").stream().map(c -> c.getMetadata().getName() + "-app"))
                    .contains("catalog-db-app");
            assertThat(r.generic("opensearch.opster.io", "OpenSearchCluster").stream().map(c -> c.getMetadata().getName() + "-ca"))
                    .as("the operator names its CA Secret <cluster>-ca").contains("archive-opensearch-ca");
        }
    }

    private static void checkRef(Rendered r, List<String> problems, Map<String, String> external, String workload,
                                 String kind, String name, String key) {
        if (external.containsKey(name)) {
            return;
        }
        if (kind.equals("ConfigMap")) {
            ConfigMap cm = r.all(ConfigMap.class).stream().filter(c -> c.getMetadata().getName().equals(name))
                    .findFirst().orElse(null);
            if (cm == null) {
                problems.add(workload + " references ConfigMap " + name + ", which the overlay does not render");
            } else if (key != null && (cm.getData() == null || !cm.getData().containsKey(key))) {
                problems.add(workload + " references key " + key + " of ConfigMap " + name + ", which it lacks");
            }
        } else {
            Secret s = r.all(Secret.class).stream().filter(c -> c.getMetadata().getName().equals(name))
                    .findFirst().orElse(null);
            if (s == null) {
                problems.add(workload + " references Secret " + name + ", which the overlay does not render");
            } else if (key != null && (s.getData() == null || !s.getData().containsKey(key))
                    && (s.getStringData() == null || !s.getStringData().containsKey(key))) {
                problems.add(workload + " references key " + key + " of Secret " + name + ", which it lacks");
            }
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void onlyTheDevOverlayCarriesSecretValues(String overlay) {
        List<Secret> secrets = Rendered.of(overlay).all(Secret.class);
        if (overlay.equals("dev")) {
            assertThat(secrets).isNotEmpty();
        } else {
            assertThat(secrets).as("%s must reference Secrets, not carry them", overlay).isEmpty();
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyImageHasAnExplicitTagAndTheServiceImagesComeFromTheImagesEntries(String overlay) {
        Rendered r = Rendered.of(overlay);
        List<String> problems = new ArrayList<>();
        r.podTemplates().forEach((workload, t) -> {
            List<Container> containers = new ArrayList<>(t.getSpec().getContainers());
            containers.addAll(t.getSpec().getInitContainers());
            containers.forEach(c -> {
                String image = c.getImage();
                String lastPart = image.substring(image.lastIndexOf('/') + 1);
                if (!lastPart.contains(":") && !image.contains("@sha256:")) {
                    problems.add(workload + ": image " + image + " has no tag");
                } else if (image.endsWith(":latest")) {
                    problems.add(workload + ": image " + image + " is latest (not reproducible)");
                }
            });
        });
        assertThat(problems).isEmpty();
        for (String service : SERVICES) {
            String image = r.container(service).getImage();
            if (overlay.equals("dev")) {
                assertThat(image).isEqualTo("historyarchive/" + service + ":dev");
            } else {
                String tag = image.substring(image.lastIndexOf(':') + 1);
                assertThat(image).isEqualTo("ghcr.io/historyarchive/" + service + ":" + tag);
                assertThat(tag).as("%s: a released version", service).matches("\\d+\\.\\d+\\.\\d+");
                assertThat(ProjectVersions.compare(tag, ProjectVersions.release(ProjectVersions.project())))
                        .as("%s: tag %s is this project's version %s or an earlier release", service, tag, ProjectVersions.project())
                        .isLessThanOrEqualTo(0);
            }
        }
        if (overlay.equals("production")) {
            assertThat(r.container("catalog-service").getImage().replace("catalog-service", "search-service"))
                    .as("both services are released together, with one version").isEqualTo(r.container("search-service").getImage());
        }
        assertThat(Repo.read("k8s/base/kustomization.yaml"))
                .contains("newName: ghcr.io/historyarchive/catalog-service")
                .contains("newName: ghcr.io/historyarchive/search-service")
                .as("the tag is the overlay's alone (one source of truth, set by .ci/release)").doesNotContain("newTag");
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void theTopicDefinitionMatchesTheCatalogAndTheOverlaysTopicResource(String overlay) {
        Rendered r = Rendered.of(overlay);
        Map<String, String> topic = r.configMap("archive-documents-topic").getData();
        EventsDefaults events = EventsDefaults.read();
        assertThat(topic.get("TOPIC")).isEqualTo("archive.documents.v1").isEqualTo(events.topic());
        assertThat(topic.get("BULK_TOPIC")).isEqualTo("archive.documents.bulk.v1").isEqualTo(events.bulkTopic());
        assertThat(topic.get("PARTITIONS")).isEqualTo("6").isEqualTo(events.partitions());
        assertThat(topic.get("CLEANUP_POLICY")).isEqualTo("compact");
        assertThat(topic).containsKeys("REPLICATION_FACTOR", "MIN_INSYNC_REPLICAS", "DELETE_RETENTION_MS");
        String catalogReplication = r.environment(r.container("catalog-service")).get("ARCHIVE_EVENTS_REPLICATION_FACTOR");
        String effectiveCatalogReplication = catalogReplication != null ? catalogReplication : events.replicationFactor();
        assertThat(effectiveCatalogReplication)
                .as("the replication factor catalog-service uses when it creates the topic itself")
                .isEqualTo(topic.get("REPLICATION_FACTOR"));
        assertThat(Integer.parseInt(topic.get("MIN_INSYNC_REPLICAS")))
                .as("min.insync.replicas as catalog-service sets it: max(1, replication factor - 1)")
                .isEqualTo(Math.max(1, Integer.parseInt(topic.get("REPLICATION_FACTOR")) - 1));

        for (String setting : EventsDefaults.topicConfigNames()) {
            assertThat(topic).as("catalog-service's TopicSetup sets %s", setting).containsKey(EventsDefaults.key(setting));
        }
        EventsDefaults.maxMessageBytes().ifPresent(max -> {
            assertThat(topic.get("MAX_MESSAGE_BYTES")).isEqualTo(String.valueOf(max));
            assertThat(Long.parseLong(topic.get("MAX_MESSAGE_BYTES"))).isEqualTo(max);
        });
        IngestDefaults.read().ifPresent(ingest -> {
            assertThat(topic.get("DLQ_TOPIC")).as("search-service's dead-letter topic").isEqualTo(ingest.deadLetterTopic());
            assertThat(ingest.topic()).as("the interactive lane's topic search-service consumes").isEqualTo(topic.get("TOPIC"));
            assertThat(ingest.bulkTopic()).as("the bulk lane's topic search-service consumes").isEqualTo(topic.get("BULK_TOPIC"));
        });

        if (overlay.equals("dev")) {
            Job job = r.get(Job.class, "create-topics");
            PodSpec pod = job.getSpec().getTemplate().getSpec();
            Container c = pod.getContainers().get(0);
            assertThat(c.getEnvFrom()).anySatisfy(from -> assertThat(from.getConfigMapRef().getName())
                    .isEqualTo(r.configMap("archive-documents-topic").getMetadata().getName()));
            assertThat(c.getImage()).matches("apache/kafka:4\\.1\\.\\d+");
            ConfigMap scripts = r.configMap("kafka-create-topics");
            assertThat(pod.getVolumes()).anySatisfy(v -> assertThat(v.getConfigMap().getName())
                    .isEqualTo(scripts.getMetadata().getName()));
            assertThat(String.join(" ", c.getCommand())).endsWith("/create-topics.sh");
            assertThat(scripts.getData().get("create-topics.sh"))
                    .as("the dev Job runs the same script as docker compose")
                    .isEqualTo(Repo.read("compose/kafka/create-topics.sh"));
            assertThat(Repo.bytes("k8s/overlays/dev/kafka/create-topics.sh"))
                    .isEqualTo(Repo.bytes("compose/kafka/create-topics.sh"));
            Map<String, String> compose = new java.util.TreeMap<>(ComposeFileTest.environment(ComposeFileTest.service("kafka-topics")));
            assertThat(compose.remove("BOOTSTRAP_SERVERS")).isEqualTo(r.environment(c).get("BOOTSTRAP_SERVERS"));
            assertThat(compose).as("docker compose creates the topics with the dev overlay's settings")
                    .isEqualTo(new java.util.TreeMap<>(topic));
        }
        if (overlay.equals("production")) {
            var topics = r.all(io.strimzi.api.kafka.model.topic.KafkaTopic.class);
            assertThat(topics).hasSize(3);
            for (String lane : List.of("TOPIC", "BULK_TOPIC")) {
                var main = topics.stream().filter(t -> topic.get(lane).equals(t.getSpec().getTopicName())).findFirst()
                        .orElseThrow(() -> new AssertionError("no KafkaTopic for " + topic.get(lane))).getSpec();
                assertThat(main.getPartitions()).isEqualTo(Integer.parseInt(topic.get("PARTITIONS")));
                assertThat(main.getReplicas()).isEqualTo(Integer.parseInt(topic.get("REPLICATION_FACTOR")));
                for (String setting : EventsDefaults.topicConfigNames()) {
                    assertThat(String.valueOf(main.getConfig().get(setting))).as("KafkaTopic %s: %s", topic.get(lane), setting)
                            .isEqualTo(topic.get(EventsDefaults.key(setting)));
                }
            }
            var dlq = topics.stream().filter(t -> topic.get("DLQ_TOPIC").equals(t.getSpec().getTopicName())).findFirst()
                    .orElseThrow(() -> new AssertionError("no KafkaTopic for " + topic.get("DLQ_TOPIC"))).getSpec();
            assertThat(dlq.getPartitions()).isEqualTo(Integer.parseInt(topic.get("DLQ_PARTITIONS")));
            assertThat(dlq.getReplicas()).isEqualTo(Integer.parseInt(topic.get("REPLICATION_FACTOR")));
            assertThat(String.valueOf(dlq.getConfig().get("cleanup.policy"))).isEqualTo("delete");
            assertThat(String.valueOf(dlq.getConfig().get("retention.ms"))).isEqualTo(topic.get("DLQ_RETENTION_MS"));
            assertThat(String.valueOf(dlq.getConfig().get("max.message.bytes"))).isEqualTo(topic.get("MAX_MESSAGE_BYTES"));
            assertThat(String.valueOf(dlq.getConfig().get("min.insync.replicas"))).isEqualTo(topic.get("MIN_INSYNC_REPLICAS"));
        }
    }

    @Test
    void devOverlayRunsPostgres17AndKraftKafkaInTheCluster() {
        Rendered r = Rendered.of("dev");
        Map<String, String> catalogEnv = r.environment(r.container("catalog-service"));

        StatefulSet postgres = r.get(StatefulSet.class, "postgres");
        Container pg = postgres.getSpec().getTemplate().getSpec().getContainers().get(0);
        assertThat(pg.getImage()).isEqualTo("postgres:17");
        assertThat(postgres.getSpec().getReplicas()).isEqualTo(1);
        assertThat(postgres.getSpec().getVolumeClaimTemplates()).isNotEmpty();
        assertThat(pg.getVolumeMounts()).anySatisfy(m -> assertThat(m.getMountPath()).isEqualTo("/docker-entrypoint-initdb.d"));
        ConfigMap init = r.configMap("postgres-init");
        assertThat(init.getData().get("10-create-databases.sh"))
                .as("the dev overlay creates the databases with the same script as docker compose")
                .isEqualTo(Repo.read("compose/postgres/10-create-databases.sh"));
        assertThat(Repo.bytes("k8s/overlays/dev/postgres/10-create-databases.sh"))
                .isEqualTo(Repo.bytes("compose/postgres/10-create-databases.sh"));
        assertServicePort(r, "postgres", 5432);
        String initScript = init.getData().get("10-create-databases.sh");
        for (String service : SERVICES) {
            Map<String, String> env = r.environment(r.container(service));
            ServiceConfig.of(service).database().ifPresent(ds -> {
                assertThat(env.get(ds.urlVariable())).isEqualTo("jdbc:postgresql://postgres:5432/" + ds.database());
                assertThat(initScript).contains("CREATE DATABASE " + ds.database() + " OWNER " + ds.user());
                // The service's password and the one the init script gives the role: the same Secret key.
                var serviceRef = secretRef(r.container(service), ds.passwordVariable());
                var postgresRef = secretRef(pg, ds.passwordVariable());
                assertThat(serviceRef.getName()).isEqualTo(postgresRef.getName());
                assertThat(serviceRef.getKey()).isEqualTo(postgresRef.getKey());
                var userRef = secretRef(r.container(service), ds.userVariable());
                String user = new String(java.util.Base64.getDecoder().decode(
                        r.get(Secret.class, userRef.getName()).getData().get(userRef.getKey())));
                assertThat(user).isEqualTo(ds.user());
            });
            ServiceConfig.of(service).kafkaVariable().ifPresent(k -> assertThat(env.get(k)).isEqualTo("kafka:9092"));
        }

        StatefulSet kafka = r.get(StatefulSet.class, "kafka");
        Container k = kafka.getSpec().getTemplate().getSpec().getContainers().get(0);
        assertThat(k.getImage()).matches("apache/kafka:4\\.1\\.\\d+");
        assertThat(kafka.getSpec().getTemplate().getSpec().getEnableServiceLinks())
                .as("the kafka image turns every KAFKA_* variable into broker config, Service links included")
                .isFalse();
        Map<String, String> kafkaEnv = r.environment(k);
        assertThat(kafkaEnv.get("KAFKA_PROCESS_ROLES")).contains("broker").contains("controller");
        assertThat(kafkaEnv).doesNotContainKey("KAFKA_ZOOKEEPER_CONNECT");
        assertThat(kafkaEnv.get("KAFKA_ADVERTISED_LISTENERS")).contains("://" + catalogEnv.get("KAFKA_BOOTSTRAP_SERVERS"));
        assertThat(catalogEnv.get("KAFKA_BOOTSTRAP_SERVERS")).isEqualTo("kafka:9092");
        assertServicePort(r, "kafka", 9092);
        assertThat(k.getImage()).as("the project's Kafka version (pom.xml)").isEqualTo("apache/kafka:" + ProjectVersions.kafka());

        StatefulSet opensearch = r.get(StatefulSet.class, "opensearch");
        Container os = opensearch.getSpec().getTemplate().getSpec().getContainers().get(0);
        assertThat(os.getImage()).as("the image docker compose runs")
                .isEqualTo(ComposeFileTest.service("opensearch").path("image").asText());
        Map<String, String> osEnv = r.environment(os);
        assertThat(osEnv).containsEntry("discovery.type", "single-node").containsEntry("DISABLE_SECURITY_PLUGIN", "true")
                .as("vm.max_map_count is not needed without mmap").containsEntry("node.store.allow_mmap", "false");
        assertThat(opensearch.getSpec().getTemplate().getSpec().getInitContainers())
                .as("no privileged sysctl init container").isEmpty();
        assertThat(opensearch.getSpec().getVolumeClaimTemplates()).isNotEmpty();
        assertServicePort(r, "opensearch", 9200);
        Map<String, String> searchEnv = r.environment(r.container("search-service"));
        assertThat(searchEnv.get(OpenSearchSettings.URL)).isEqualTo("http://opensearch:9200");
        assertThat(searchEnv).doesNotContainKeys(OpenSearchSettings.USERNAME, OpenSearchSettings.PASSWORD);
        assertThat(r.all(Secret.class)).noneMatch(secret -> secret.getMetadata().getName().startsWith("search-db"));

        // A changed password is reported before catalog-service starts, by the same script as in docker compose.
        Container check = r.get(Deployment.class, "catalog-service").getSpec().getTemplate().getSpec().getInitContainers()
                .stream().filter(c -> c.getName().equals("postgres-login-check")).findFirst()
                .orElseThrow(() -> new AssertionError("catalog-service has no postgres-login-check init container"));
        assertThat(r.configMap("postgres-login-check").getData().get("check-login.sh"))
                .isEqualTo(Repo.read("compose/postgres/check-login.sh"));
        ServiceConfig.Datasource catalogDb = ServiceConfig.of("catalog-service").datasource().orElseThrow();
        assertThat(secretRef(check, "DB_PASSWORD").getName()).isEqualTo(secretRef(r.container("catalog-service"), catalogDb.passwordVariable()).getName());
        assertThat(secretRef(check, "DB_PASSWORD").getKey()).isEqualTo(secretRef(r.container("catalog-service"), catalogDb.passwordVariable()).getKey());
        assertThat(r.environment(check).get("DB_NAME")).isEqualTo(catalogDb.database());

        ConfigMap jwt = r.configMap("archive-jwt");
        assertThat(jwt.getData().get("public.pem"))
                .as("the dev overlay's key is the repository's DEVELOPMENT public key")
                .isEqualTo(Repo.read("test-infra/src/main/resources/dev-keys/public.pem"));
        assertThat(Repo.bytes("k8s/overlays/dev/dev-keys/public.pem"))
                .isEqualTo(Repo.bytes("test-infra/src/main/resources/dev-keys/public.pem"));
        assertThat(jwt.getData().get("issuer")).isEqualTo(DevTokenSource.issuer());
    }

    @Test
    void devOverlaySendsBothServicesTracesThroughTheCollectorToJaeger() {
        Rendered r = Rendered.of("dev");
        TraceWiring wiring = TraceWiring.read();
        for (String service : SERVICES) {
            Map<String, String> env = r.environment(r.container(service));
            wiring.assertServicePointsAt(service, env.get("OTEL_SDK_DISABLED"), env.get("OTEL_EXPORTER_OTLP_ENDPOINT"),
                    env.get("OTEL_EXPORTER_OTLP_PROTOCOL"), "otel-collector");
        }
        assertServicePort(r, "otel-collector", wiring.grpcPort());
        assertServicePort(r, "otel-collector", wiring.httpPort());
        Container collector = r.container("otel-collector");
        assertThat(collector.getImage()).as("the collector docker compose runs")
                .isEqualTo(ComposeFileTest.service("otel-collector").path("image").asText());
        String configPath = collector.getArgs().stream().filter(a -> a.startsWith("--config=")).findFirst()
                .orElseThrow(() -> new AssertionError("otel-collector has no --config argument")).substring("--config=".length());
        var mount = collector.getVolumeMounts().stream().filter(m -> configPath.startsWith(m.getMountPath() + "/")).findFirst()
                .orElseThrow(() -> new AssertionError("nothing is mounted at " + configPath));
        var volume = r.get(Deployment.class, "otel-collector").getSpec().getTemplate().getSpec().getVolumes().stream()
                .filter(v -> v.getName().equals(mount.getName())).findFirst().orElseThrow();
        assertThat(r.configMap(volume.getConfigMap().getName()).getData().get(configPath.substring(mount.getMountPath().length() + 1)))
                .as("the collector runs docker compose's configuration").isEqualTo(Repo.read(TraceWiring.CONFIG));
        assertThat(Repo.bytes("k8s/overlays/dev/observability/otel-collector-config.yaml")).isEqualTo(Repo.bytes(TraceWiring.CONFIG));
        assertThat(collector.getReadinessProbe().getHttpGet().getPort().getStrVal()).isEqualTo("health");
        assertThat(collector.getPorts()).anySatisfy(p -> {
            assertThat(p.getName()).isEqualTo("health");
            assertThat(p.getContainerPort()).isEqualTo(wiring.healthPort());
        });

        String jaegerHost = wiring.exporterEndpoint().substring(0, wiring.exporterEndpoint().indexOf(':'));
        int jaegerPort = Integer.parseInt(wiring.exporterEndpoint().substring(jaegerHost.length() + 1));
        assertThat(jaegerHost).isEqualTo("jaeger");
        assertServicePort(r, "jaeger", jaegerPort);
        assertServicePort(r, "jaeger", 16686);
        assertThat(r.container("jaeger").getImage()).as("the Jaeger docker compose runs")
                .isEqualTo(ComposeFileTest.service("jaeger").path("image").asText());
    }

    @Test
    void theProductionOverlayLeavesTracesToTheOperator() {
        Rendered r = Rendered.of("production");
        for (String service : SERVICES) {
            assertThat(r.environment(r.container(service))).as("%s: traces off until the operator points them at a collector", service)
                    .doesNotContainKeys("OTEL_SDK_DISABLED", "OTEL_EXPORTER_OTLP_ENDPOINT");
        }
        assertThat(r.all(Deployment.class)).extracting(d -> d.getMetadata().getName()).doesNotContain("otel-collector", "jaeger");
    }

    private static io.fabric8.kubernetes.api.model.SecretKeySelector secretRef(Container c, String variable) {
        return c.getEnv().stream().filter(e -> e.getName().equals(variable)).findFirst()
                .map(e -> e.getValueFrom().getSecretKeyRef())
                .orElseThrow(() -> new AssertionError(c.getName() + ": " + variable + " is not taken from a Secret"));
    }

    private static void assertServicePort(Rendered r, String service, int port) {
        assertThat(r.get(Service.class, service).getSpec().getPorts())
                .anySatisfy(p -> assertThat(p.getPort()).isEqualTo(port));
    }

    @Test
    void productionOverlayUsesStrimziAndCloudNativePgResources() {
        Rendered r = Rendered.of("production");

        // Strimzi: one Kafka in KRaft mode, its node pool(s) with controllers and brokers.
        var kafkas = r.all(io.strimzi.api.kafka.model.kafka.Kafka.class);
        assertThat(kafkas).hasSize(1);
        var kafka = kafkas.get(0);
        String cluster = kafka.getMetadata().getName();
        assertThat(kafka.getSpec().getZookeeper()).as("KRaft: no ZooKeeper").isNull();
        assertThat(kafka.getSpec().getKafka().getVersion()).as("the project's Kafka version (pom.xml)").isEqualTo(ProjectVersions.kafka());
        var pools = r.all(io.strimzi.api.kafka.model.nodepool.KafkaNodePool.class).stream()
                .filter(p -> cluster.equals(p.getMetadata().getLabels().get("strimzi.io/cluster"))).toList();
        assertThat(pools).as("KafkaNodePools of " + cluster).isNotEmpty();
        Set<String> roles = new TreeSet<>();
        pools.forEach(p -> p.getSpec().getRoles().forEach(role -> roles.add(role.toValue())));
        assertThat(roles).contains("controller", "broker");
        assertThat(pools.stream().filter(p -> p.getSpec().getRoles().stream().anyMatch(x -> x.toValue().equals("controller")))
                .mapToInt(p -> p.getSpec().getReplicas()).sum()).as("KRaft controller quorum").isGreaterThanOrEqualTo(3);
        assertThat(r.all(io.strimzi.api.kafka.model.topic.KafkaTopic.class))
                .allSatisfy(t -> assertThat(t.getMetadata().getLabels()).containsEntry("strimzi.io/cluster", cluster));
        assertThat(kafka.getSpec().getEntityOperator().getTopicOperator())
                .as("the Topic Operator reconciles the KafkaTopic").isNotNull();
        var plain = kafka.getSpec().getKafka().getListeners().stream()
                .filter(l -> !l.isTls() && l.getType().toValue().equals("internal")).findFirst()
                .orElseThrow(() -> new AssertionError("no internal plain listener (catalog-service's producer has no TLS settings)"));

        // CloudNativePG: typed model unavailable, so the fields used are checked here.
        List<GenericKubernetesResource> clusters = r.generic("postgresql.cnpg.io", "Cluster");
        assertThat(clusters).as("only the catalog has a database; search-service's view is in OpenSearch").hasSize(1);
        Set<String> databases = new TreeSet<>();
        for (GenericKubernetesResource c : clusters) {
            CnpgCluster.check(c);
            databases.add(CnpgCluster.database(c));
        }
        assertThat(databases).containsExactly("catalog");

        for (String service : SERVICES) {
            Map<String, String> env = r.environment(r.container(service));
            ServiceConfig.of(service).database().ifPresent(ds -> {
                Matcher url = Pattern.compile("jdbc:postgresql://([a-z0-9-]+)-rw:5432/([a-z0-9_]+)").matcher(env.get(ds.urlVariable()));
                assertThat(url.matches()).as(service + ": " + ds.urlVariable() + " points at a CloudNativePG -rw Service: "
                        + env.get(ds.urlVariable())).isTrue();
                GenericKubernetesResource db = clusters.stream()
                        .filter(c -> c.getMetadata().getName().equals(url.group(1))).findFirst()
                        .orElseThrow(() -> new AssertionError("no CloudNativePG Cluster " + url.group(1)));
                assertThat(CnpgCluster.database(db)).isEqualTo(url.group(2)).isEqualTo(ds.database());
                for (var entry : Map.of(ds.userVariable(), "username", ds.passwordVariable(), "password").entrySet()) {
                    var ref = secretRef(r.container(service), entry.getKey());
                    assertThat(ref.getName()).as(service + ": " + entry.getKey()).isEqualTo(db.getMetadata().getName() + "-app");
                    assertThat(ref.getKey()).isEqualTo(entry.getValue());
                }
            });
            ServiceConfig.of(service).kafkaVariable().ifPresent(k -> assertThat(env.get(k))
                    .as(service + ": Strimzi's bootstrap Service").isEqualTo(cluster + "-kafka-bootstrap:" + plain.getPort()));
        }

        // No development key material or issuer in production.
        String devKey = Repo.read("test-infra/src/main/resources/dev-keys/public.pem").lines()
                .filter(l -> !l.startsWith("-----")).findFirst().orElseThrow();
        assertThat(r.documents.toString()).doesNotContain(devKey).doesNotContain(DevTokenSource.issuer());
    }
}
