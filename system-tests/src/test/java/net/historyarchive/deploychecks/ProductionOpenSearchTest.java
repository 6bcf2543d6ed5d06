package net.historyarchive.deploychecks;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The production overlay's OpenSearch: the operator's OpenSearchCluster (three nodes, security on)
 * and search-service's user, role and connection. Every resource here has already been validated
 * against the operator's CRD schema while rendering (see {@link CrdSchema}).
 */
class ProductionOpenSearchTest {

    static final Rendered PRODUCTION = Rendered.of("production");

    static JsonNode json(GenericKubernetesResource r) {
        return Manifests.SERIALIZATION.convertValue(r, JsonNode.class);
    }

    static JsonNode cluster() {
        List<GenericKubernetesResource> clusters = PRODUCTION.generic("opensearch.opster.io", "OpenSearchCluster");
        assertThat(clusters).hasSize(1);
        return json(clusters.get(0));
    }

    @Test
    void threeNodesOfTheTestedVersionWithTlsAndCredentialsFromSecrets() {
        JsonNode spec = cluster().path("spec");
        String composeImage = ComposeFileTest.service("opensearch").path("image").asText();
        assertThat(spec.path("general").path("version").asText()).as("the version docker compose and the tests run")
                .isEqualTo(composeImage.substring(composeImage.indexOf(':') + 1));
        int managers = 0;
        int dataNodes = 0;
        for (JsonNode pool : spec.path("nodePools")) {
            List<String> roles = new ArrayList<>();
            pool.path("roles").forEach(role -> roles.add(role.asText()));
            if (roles.contains("cluster_manager")) {
                managers += pool.path("replicas").asInt();
            }
            if (roles.contains("data")) {
                dataNodes += pool.path("replicas").asInt();
            }
            assertThat(pool.path("jvm").asText()).as("a fixed heap").matches("-Xms(\\d+[mg]) -Xmx\\1");
            assertThat(pool.path("resources").path("limits").has("memory")).isTrue();
        }
        assertThat(managers).as("a cluster-manager quorum").isGreaterThanOrEqualTo(3);
        assertThat(dataNodes).as("three data nodes").isEqualTo(3);

        JsonNode tls = spec.path("security").path("tls");
        assertThat(tls.path("transport").path("generate").asBoolean() || tls.path("transport").path("secret").has("name"))
                .as("TLS between nodes").isTrue();
        assertThat(tls.path("http").path("generate").asBoolean() || tls.path("http").path("secret").has("name"))
                .as("TLS on the REST API").isTrue();
        JsonNode config = spec.path("security").path("config");
        for (String secret : List.of(config.path("adminCredentialsSecret").path("name").asText(),
                config.path("securityConfigSecret").path("name").asText())) {
            assertThat(KustomizeOverlaysTest.EXTERNAL.get("production")).as("provided by the platform: %s", secret)
                    .containsKey(secret);
        }
    }

    @Test
    void searchServiceConnectsOverTlsAsItsOwnUserWithARoleOnItsIndicesOnly() {
        JsonNode general = cluster().path("spec").path("general");
        Map<String, String> env = PRODUCTION.environment(PRODUCTION.container("search-service"));
        assertThat(env.get(OpenSearchSettings.URL))
                .isEqualTo("https://" + general.path("serviceName").asText() + ":" + general.path("httpPort").asInt(9200));
        Container search = PRODUCTION.container("search-service");
        String credentials = null;
        for (String variable : List.of(OpenSearchSettings.USERNAME, OpenSearchSettings.PASSWORD)) {
            var ref = search.getEnv().stream().filter(e -> e.getName().equals(variable)).findFirst()
                    .orElseThrow(() -> new AssertionError("search-service gets no " + variable)).getValueFrom().getSecretKeyRef();
            assertThat(ref).as("%s from a Secret", variable).isNotNull();
            credentials = ref.getName();
        }

        String clusterName = cluster().path("metadata").path("name").asText();
        JsonNode user = json(one("OpensearchUser"));
        assertThat(user.path("spec").path("opensearchCluster").path("name").asText()).isEqualTo(clusterName);
        assertThat(user.path("spec").path("passwordFrom").path("name").asText())
                .as("the user's password is the one search-service logs in with").isEqualTo(credentials);
        JsonNode binding = json(one("OpensearchUserRoleBinding"));
        JsonNode role = json(one("OpensearchRole"));
        assertThat(binding.path("spec").path("users").toString()).contains("\"" + user.path("metadata").path("name").asText() + "\"");
        assertThat(binding.path("spec").path("roles").toString()).contains("\"" + role.path("metadata").path("name").asText() + "\"");
        List<String> patterns = new ArrayList<>();
        role.path("spec").path("indexPermissions").forEach(p -> p.path("indexPatterns").forEach(i -> patterns.add(i.asText())));
        assertThat(patterns).as("only the view's indices (archive.opensearch.index-prefix)")
                .containsExactly(OpenSearchSettings.DEFAULT_INDEX_PREFIX + "*");
    }

    @Test
    void searchServiceTrustsTheOperatorsCa() {
        PodSpec pod = PRODUCTION.get(Deployment.class, "search-service").getSpec().getTemplate().getSpec();
        assertThat(pod.getVolumes()).anySatisfy(v -> assertThat(v.getSecret().getSecretName())
                .isEqualTo(cluster().path("metadata").path("name").asText() + "-ca"));
        Container truststore = pod.getInitContainers().stream().filter(c -> c.getName().equals("opensearch-truststore"))
                .findFirst().orElseThrow(() -> new AssertionError("no init container builds the trust store"));
        assertThat(String.join(" ", truststore.getCommand())).contains("keytool -importcert", "/etc/archive/truststore/opensearch.p12");
        assertThat(truststore.getImage()).as("the JRE of the service image brings keytool")
                .isEqualTo(PRODUCTION.container("search-service").getImage());
        String javaOpts = PRODUCTION.environment(PRODUCTION.container("search-service")).get(ServiceConfig.JAVA_OPTS);
        assertThat(javaOpts).contains("-Djavax.net.ssl.trustStore=/etc/archive/truststore/opensearch.p12")
                .as("keeps the image's defaults").contains(Sizing.imageJavaOpts("search-service"));
    }

    private static GenericKubernetesResource one(String kind) {
        List<GenericKubernetesResource> found = PRODUCTION.generic("opensearch.opster.io", kind);
        assertThat(found).as(kind).hasSize(1);
        return found.get(0);
    }
}
