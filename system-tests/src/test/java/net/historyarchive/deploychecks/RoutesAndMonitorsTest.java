package net.historyarchive.deploychecks;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRouteRule;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/** The way in from outside (Gateway API routes) and the way metrics out (Prometheus operator monitors). */
class RoutesAndMonitorsTest {

    static final Rendered PRODUCTION = Rendered.of("production");

    @Test
    void eachServiceHasItsOwnHostAndKeepsQuarkusEndpointsInside() {
        List<HTTPRoute> routes = PRODUCTION.all(HTTPRoute.class);
        Set<String> hosts = new TreeSet<>();
        Set<String> backends = new TreeSet<>();
        for (HTTPRoute route : routes) {
            String name = route.getMetadata().getName();
            assertThat(route.getSpec().getParentRefs()).as("%s: attached to a Gateway", name)
                    .allSatisfy(p -> assertThat(p.getKind()).isEqualTo("Gateway"));
            assertThat(route.getSpec().getHostnames()).as("%s: its own host (the services' paths overlap)", name).hasSize(1);
            hosts.addAll(route.getSpec().getHostnames());
            boolean internalClosed = false;
            for (HTTPRouteRule rule : route.getSpec().getRules()) {
                boolean internal = rule.getMatches().stream().anyMatch(m -> "/q".equals(m.getPath().getValue()));
                if (internal) {
                    assertThat(rule.getBackendRefs()).as("%s: /q is answered by the gateway, not forwarded", name).isNullOrEmpty();
                    internalClosed = true;
                    continue;
                }
                for (var ref : rule.getBackendRefs()) {
                    Service svc = PRODUCTION.get(Service.class, ref.getName());
                    assertThat(svc.getSpec().getPorts()).as("%s: backend %s:%d", name, ref.getName(), ref.getPort())
                            .anySatisfy(p -> assertThat(p.getPort()).isEqualTo(ref.getPort()));
                    backends.add(ref.getName());
                }
            }
            assertThat(internalClosed).as("%s: a rule keeps /q (health, metrics) inside the cluster", name).isTrue();
        }
        assertThat(hosts).hasSize(routes.size());
        assertThat(backends).as("the search API and reading room, and the catalog API").containsExactly("catalog-service", "search-service");
    }

    @Test
    void prometheusScrapesBothServicesAndTheCatalogDatabase() {
        Set<String> scraped = new TreeSet<>();
        for (GenericKubernetesResource monitor : PRODUCTION.generic("monitoring.coreos.com", "ServiceMonitor")) {
            JsonNode spec = Manifests.SERIALIZATION.convertValue(monitor, JsonNode.class).path("spec");
            Map<String, String> selector = Map.of("app.kubernetes.io/name",
                    spec.path("selector").path("matchLabels").path("app.kubernetes.io/name").asText());
            List<Service> selected = PRODUCTION.all(Service.class).stream()
                    .filter(s -> s.getMetadata().getLabels().entrySet().containsAll(selector.entrySet())).toList();
            assertThat(selected).as("ServiceMonitor %s selects a Service", monitor.getMetadata().getName()).hasSize(1);
            for (JsonNode endpoint : spec.path("endpoints")) {
                assertThat(selected.get(0).getSpec().getPorts()).as("a port named %s", endpoint.path("port").asText())
                        .anySatisfy(p -> assertThat(p.getName()).isEqualTo(endpoint.path("port").asText()));
                assertThat(endpoint.path("path").asText()).isEqualTo("/q/metrics");
            }
            scraped.add(selected.get(0).getMetadata().getName());
        }
        assertThat(scraped).containsExactly("catalog-service", "search-service");
        List<GenericKubernetesResource> podMonitors = PRODUCTION.generic("monitoring.coreos.com", "PodMonitor");
        assertThat(podMonitors).extracting(m -> m.getMetadata().getName()).containsExactly("catalog-db");
    }

    @Test
    void theCrdCheckCatchesMistakes() {
        String monitor = """
                apiVersion: monitoring.coreos.com/v1
                kind: ServiceMonitor
                metadata: {name: m}
                spec:
                  selector: {matchLabels: {app: x}}
                  endpoints:
                    - %s
                """;
        Manifests.parse(Manifests.documents(monitor.formatted("{port: http, path: /q/metrics}")).get(0));
        for (String wrong : List.of("{port: http, pathh: /q/metrics}", "{port: 8080}", "{port: http, interval: [30s]}")) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> Manifests.parse(Manifests.documents(monitor.formatted(wrong)).get(0)))
                    .as(wrong).isInstanceOf(AssertionError.class).hasMessageContaining("CRD");
        }
        String cluster = """
                apiVersion: opensearch.opster.io/v1
                kind: OpenSearchCluster
                metadata: {name: c}
                spec:
                  general: {serviceName: c, version: 2.19.6}
                  nodePools:
                    - {component: nodes, replicas: %s, roles: [data]}
                """;
        Manifests.parse(Manifests.documents(cluster.formatted("3")).get(0));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Manifests.parse(Manifests.documents(cluster.formatted("three")).get(0)))
                .isInstanceOf(AssertionError.class).hasMessageContaining("replicas");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Manifests.parse(Manifests.documents(
                        cluster.formatted("3").replace("serviceName: c", "servicename: c")).get(0)))
                .isInstanceOf(AssertionError.class).hasMessageContaining("servicename");
    }
}
