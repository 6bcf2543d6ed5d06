package net.historyarchive.deploychecks;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Graceful shutdown, memory limits and durable PostgreSQL settings in every overlay. */
class ShutdownAndSizingTest {

    static List<String> overlays() {
        return Rendered.overlayNames();
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void podsLeaveTheLoadBalancerFirstAndGetTimeToDrain(String overlay) {
        Rendered r = Rendered.of(overlay);
        for (String service : KustomizeOverlaysTest.SERVICES) {
            PodSpec pod = r.get(Deployment.class, service).getSpec().getTemplate().getSpec();
            Container c = r.container(service);
            assertThat(c.getLifecycle()).as("%s: a preStop hook", service).isNotNull();
            List<String> preStop = c.getLifecycle().getPreStop().getExec().getCommand();
            assertThat(preStop).as("%s: preStop waits until endpoints and load balancers dropped the pod", service)
                    .hasSize(2).startsWith("sleep");
            long preStopSeconds = Long.parseLong(preStop.get(1));
            assertThat(preStopSeconds).isBetween(3L, 15L);
            long needed = preStopSeconds + Sizing.shutdownSeconds(service);
            assertThat(pod.getTerminationGracePeriodSeconds()).as("%s: grace period covers preStop %d s + drain (%d s in all)",
                    service, preStopSeconds, needed).isGreaterThanOrEqualTo(needed);
            ServiceConfig config = ServiceConfig.of(service);
            assertThat(config.properties()).as("%s: readiness goes down before the HTTP server stops", service)
                    .containsEntry("quarkus.shutdown.delay-enabled", "true");
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void servicesGetTheMeasuredMemoryAndAHeapThatLeavesRoomBesideIt(String overlay) {
        Rendered r = Rendered.of(overlay);
        for (String service : KustomizeOverlaysTest.SERVICES) {
            Container c = r.container(service);
            long limitMib = mib(c.getResources().getLimits().get("memory"));
            assertThat(limitMib).as("%s: the sized limit", service).isEqualTo(Sizing.LIMIT_MIB);
            if (overlay.equals("production")) {
                assertThat(mib(c.getResources().getRequests().get("memory"))).as("%s: request = limit (no overcommit)", service)
                        .isEqualTo(limitMib);
            }
            String javaOpts = r.environment(c).getOrDefault(ServiceConfig.JAVA_OPTS, Sizing.imageJavaOpts(service));
            long heapMib = Math.round(limitMib * Sizing.heapPercentage(javaOpts) / 100);
            assertThat(limitMib - heapMib).as("%s: room beside a %d MiB heap", service, heapMib)
                    .isGreaterThanOrEqualTo(2 * Sizing.MEASURED_NON_HEAP_MIB);
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void postgresKeepsFsyncAndSynchronousCommitOn(String overlay) {
        Rendered r = Rendered.of(overlay);
        for (StatefulSet sts : r.all(StatefulSet.class)) {
            for (Container c : sts.getSpec().getTemplate().getSpec().getContainers()) {
                if (c.getImage().startsWith("postgres:")) {
                    String settings = String.valueOf(c.getCommand()) + c.getArgs() + r.environment(c);
                    assertThat(Durability.offenders(settings)).as("%s: %s", overlay, c.getName()).isEmpty();
                }
            }
        }
        r.generic("postgresql.cnpg.io", "Cluster").forEach(cluster -> {
            JsonNode parameters = Manifests.SERIALIZATION.convertValue(cluster, JsonNode.class)
                    .path("spec").path("postgresql").path("parameters");
            assertThat(Durability.offenders(parameters.toString())).as("CloudNativePG %s", cluster.getMetadata().getName()).isEmpty();
        });
        assertThat(Durability.offenders("fsync: \"off\"")).isNotEmpty();
        assertThat(Durability.offenders("-c synchronous_commit=off")).isNotEmpty();
        assertThat(Durability.offenders(Map.of("synchronous_commit", "on").toString())).isEmpty();
    }

    static long mib(Quantity q) {
        return Quantity.getAmountInBytes(q).divide(BigDecimal.valueOf(1024L * 1024)).longValueExact();
    }
}
