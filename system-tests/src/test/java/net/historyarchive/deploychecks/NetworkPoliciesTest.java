package net.historyarchive.deploychecks;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The stores accept only the flows of the design: a database only from its service, OpenSearch only
 * from search-service, Kafka from both services (plus each store's own members and its operator).
 */
class NetworkPoliciesTest {

    /** Who may reach a store's port: the app.kubernetes.io/name (or operator cluster label) of the pods, or "ns:<namespace>". */
    static Set<String> peers(Rendered r, String policy, int port) {
        NetworkPolicy np = r.get(NetworkPolicy.class, policy);
        assertThat(np.getSpec().getPolicyTypes()).contains("Ingress");
        Set<String> peers = new TreeSet<>();
        for (NetworkPolicyIngressRule rule : np.getSpec().getIngress()) {
            boolean coversPort = rule.getPorts().stream().anyMatch(p -> new IntOrString(port).equals(p.getPort()));
            assertThat(rule.getPorts()).as("%s: every rule names its ports", policy).isNotEmpty();
            assertThat(rule.getFrom()).as("%s: every rule names who (no rule admits everyone)", policy).isNotEmpty();
            if (!coversPort) {
                continue;
            }
            for (NetworkPolicyPeer peer : rule.getFrom()) {
                assertThat(peer.getIpBlock()).as("%s: no IP blocks", policy).isNull();
                if (peer.getNamespaceSelector() != null) {
                    assertThat(peer.getPodSelector()).isNull();
                    peers.add("ns:" + peer.getNamespaceSelector().getMatchLabels().get("kubernetes.io/metadata.name"));
                } else {
                    Map<String, String> labels = peer.getPodSelector().getMatchLabels();
                    assertThat(labels).as("%s: pod selectors by name", policy).hasSize(1);
                    peers.add(labels.values().iterator().next());
                }
            }
        }
        return peers;
    }

    @Test
    void devOverlay() {
        Rendered dev = Rendered.of("dev");
        assertThat(peers(dev, "postgres", 5432)).containsExactly("catalog-service");
        assertThat(peers(dev, "opensearch", 9200)).containsExactly("search-service");
        assertThat(peers(dev, "kafka", 9092)).containsExactly("catalog-service", "create-topics", "search-service");
        assertThat(peers(dev, "kafka", 9093)).as("the KRaft controller, from the broker itself").containsExactly("kafka");
        assertThat(peers(dev, "otel-collector", 4317)).containsExactly("catalog-service", "search-service");
        assertThat(peers(dev, "otel-collector", 4318)).containsExactly("catalog-service", "search-service");
        assertThat(peers(dev, "jaeger", 4317)).containsExactly("otel-collector");
        assertThat(peers(dev, "jaeger", 16686)).as("the UI through kubectl port-forward only").isEmpty();
        for (String store : List.of("postgres", "opensearch", "kafka", "otel-collector", "jaeger")) {
            assertThat(dev.get(NetworkPolicy.class, store).getSpec().getPodSelector().getMatchLabels())
                    .as("the policy selects the store's pods").isEqualTo(Map.of("app.kubernetes.io/name", store));
        }
    }

    @Test
    void productionOverlay() {
        Rendered prod = Rendered.of("production");
        assertThat(peers(prod, "catalog-db", 5432)).containsExactly("catalog-db", "catalog-service", "ns:cnpg-system");
        assertThat(prod.get(NetworkPolicy.class, "catalog-db").getSpec().getPodSelector().getMatchLabels())
                .isEqualTo(Map.of("cnpg.io/cluster", "catalog-db"));
        assertThat(peers(prod, "archive-opensearch", 9200))
                .containsExactly("archive-opensearch", "ns:opensearch-operator-system", "search-service");
        assertThat(peers(prod, "archive-opensearch", 9300)).as("transport: only the nodes").containsExactly("archive-opensearch");
        assertThat(prod.get(NetworkPolicy.class, "archive-opensearch").getSpec().getPodSelector().getMatchLabels())
                .isEqualTo(Map.of("opster.io/opensearch-cluster", "archive-opensearch"));

        // Kafka: Strimzi writes the NetworkPolicy from each listener's networkPolicyPeers.
        var kafka = prod.all(io.strimzi.api.kafka.model.kafka.Kafka.class).get(0);
        for (var listener : kafka.getSpec().getKafka().getListeners()) {
            Set<String> names = new TreeSet<>();
            assertThat(listener.getNetworkPolicyPeers()).as("listener %s admits named peers only", listener.getName()).isNotEmpty();
            listener.getNetworkPolicyPeers().forEach(p -> names.add(p.getPodSelector().getMatchLabels().get("app.kubernetes.io/name")));
            assertThat(names).as("listener %s", listener.getName()).containsExactly("catalog-service", "search-service");
        }
    }
}
