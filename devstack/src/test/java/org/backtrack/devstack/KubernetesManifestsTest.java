package org.backtrack.devstack;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No API server runs here, so the Kustomize manifests ({@code deploy/kubernetes}) are built offline with
 * {@code kubectl kustomize} (part of the machine image; without it the base files are read as they are) and checked
 * for what production needs: probes on Actuator's liveness and readiness groups, resources, a non-root read-only
 * container, a Service and a PodDisruptionBudget per Deployment, credentials from Secrets only, every variable a
 * property the service has, NetworkPolicies denying by default, and progress-service's autoscaler bounded by the
 * partition count.
 */
class KubernetesManifestsTest {

    static final Path KUBERNETES = ComposeFileTest.ROOT.resolve("deploy/kubernetes");
    static final Map<String, Integer> PORTS = Map.of("catalog-service", 8081, "routine-service", 8082,
            "progress-service", 8083, "gateway", 8080);
    /** Actuator's port: probes and Prometheus's scrape, open to the monitoring namespace only. */
    static final int MANAGEMENT_PORT = 9090;
    /** Variables read by the JVM, not by Spring. */
    static final Set<String> JVM_VARIABLES = Set.of("JAVA_TOOL_OPTIONS");

    @Test
    void theBaseHasEveryServiceHardened() throws Exception {
        checkProductionInvariants(build("base"), 6);
    }

    @Test
    void theScaleOverlayRunsThreeOfEachAndUpToOneProgressServicePerPartition() throws Exception {
        List<Map<String, Object>> objects = build("overlays/scale");
        checkProductionInvariants(objects, 12);
        for (var deployment : ofKind(objects, "Deployment")) {
            assertThat(map(deployment, "spec").get("replicas")).isEqualTo(3);
            assertThat(map(deployment, "metadata").get("namespace")).isEqualTo("backtrack");
        }
    }

    @SuppressWarnings("unchecked")
    void checkProductionInvariants(List<Map<String, Object>> objects, int partitions) throws IOException {
        var deployments = ofKind(objects, "Deployment");
        assertThat(deployments).extracting(d -> map(d, "metadata").get("name")).containsExactlyInAnyOrderElementsOf(PORTS.keySet());
        var kafkaClient = ofKind(objects, "ConfigMap").stream()
                .filter(c -> "backtrack-kafka-client".equals(map(c, "metadata").get("name"))).findFirst().orElseThrow();
        assertThat(map(kafkaClient, "data").get("BACKTRACK_TOPICS_PARTITIONS")).isEqualTo(String.valueOf(partitions));
        assertThat(map(kafkaClient, "data").get("BACKTRACK_TOPICS_REPLICATION_FACTOR")).isEqualTo("3");

        for (var deployment : deployments) {
            String name = (String) map(deployment, "metadata").get("name");
            Map<String, Object> pod = map(map(deployment, "spec"), "template");
            Map<String, Object> podSpec = map(pod, "spec");
            assertThat(map(podSpec, "securityContext")).as(name).containsEntry("runAsNonRoot", true);
            var containers = (List<Map<String, Object>>) podSpec.get("containers");
            assertThat(containers).as(name).hasSize(1);
            var container = containers.get(0);
            assertThat(map(map(container, "livenessProbe"), "httpGet").get("path")).as(name).isEqualTo("/actuator/health/liveness");
            assertThat(map(map(container, "readinessProbe"), "httpGet").get("path")).as(name).isEqualTo("/actuator/health/readiness");
            assertThat(map(map(container, "resources"), "requests")).as(name).containsKeys("cpu", "memory");
            assertThat(map(map(container, "resources"), "limits")).as(name).containsKey("memory");
            assertThat(map(container, "securityContext")).as(name).containsEntry("readOnlyRootFilesystem", true)
                    .containsEntry("allowPrivilegeEscalation", false);
            assertThat(((List<Map<String, Object>>) container.get("volumeMounts"))).as(name + ": a writable /tmp")
                    .anySatisfy(m -> assertThat(m.get("mountPath")).isEqualTo("/tmp"));
            var ports = (List<Map<String, Object>>) container.get("ports");
            assertThat(ports).as(name).anySatisfy(p -> assertThat(p).containsEntry("name", "http").containsEntry("containerPort", PORTS.get(name)));
            assertThat(ports).as(name).anySatisfy(p -> assertThat(p).containsEntry("name", "management").containsEntry("containerPort", MANAGEMENT_PORT));
            assertThat(map(map(container, "readinessProbe"), "httpGet").get("port")).as(name).isEqualTo("management");
            assertThat(map(map(pod, "metadata"), "annotations")).containsEntry("prometheus.io/port", String.valueOf(MANAGEMENT_PORT));

            // every variable is a property of the service (relaxed binding), and no credential is written out
            Set<String> properties = ComposeFileTest.relaxedKeys(ComposeFileTest.ROOT.resolve(name).resolve("src/main/resources/application.yml"));
            ComposeFileTest.BOOT_KAFKA_SECURITY_PROPERTIES.forEach(p -> properties.add(ComposeFileTest.relaxed(p)));
            properties.add(ComposeFileTest.relaxed("management.server.port")); // Boot's own: Actuator on its own port
            properties.add(ComposeFileTest.relaxed("spring.application.json")); // Boot's own: properties as JSON
            List<Map<String, Object>> variables = new ArrayList<>((List<Map<String, Object>>) container.get("env"));
            for (var source : (List<Map<String, Object>>) container.get("envFrom")) {
                String configMap = (String) map(source, "configMapRef").get("name");
                var data = map(ofKind(objects, "ConfigMap").stream()
                        .filter(c -> configMap.equals(map(c, "metadata").get("name"))).findFirst().orElseThrow(), "data");
                data.forEach((key, value) -> variables.add(Map.of("name", key, "value", value)));
            }
            for (var variable : variables) {
                String variableName = (String) variable.get("name");
                if (!JVM_VARIABLES.contains(variableName)) {
                    assertThat(properties.stream().anyMatch(p -> p.startsWith(ComposeFileTest.relaxed(variableName))
                            || ComposeFileTest.relaxed(variableName).startsWith(p)))
                            .as(name + " reads " + variableName).isTrue();
                }
                if (variableName.contains("SECRET") || variableName.contains("JAAS") || variableName.contains("MONGODB_URI")
                        || variableName.equals("SPRING_APPLICATION_JSON")) {
                    assertThat(variable).as(name + ": " + variableName + " comes from a Secret").doesNotContainKey("value");
                    assertThat(map(map(variable, "valueFrom"), "secretKeyRef")).containsKeys("name", "key");
                }
            }
            assertThat(selecting(ofKind(objects, "Service"), name)).as(name + " has a Service").isTrue();
            assertThat(selecting(ofKind(objects, "PodDisruptionBudget"), name)).as(name + " has a PodDisruptionBudget").isTrue();
        }
        assertThat(ofKind(objects, "Secret")).as("credentials are created by the operator, never committed").isEmpty();

        var autoscalers = ofKind(objects, "HorizontalPodAutoscaler");
        var progress = autoscalers.stream().filter(h -> "progress-service".equals(map(h, "metadata").get("name"))).findFirst().orElseThrow();
        assertThat((int) map(progress, "spec").get("maxReplicas")).as("no idle consumer: at most one per partition").isEqualTo(partitions);

        var policies = ofKind(objects, "NetworkPolicy");
        var denyAll = policies.stream().filter(p -> map(map(p, "spec"), "podSelector").isEmpty()).findFirst().orElseThrow();
        assertThat((List<String>) map(denyAll, "spec").get("policyTypes")).containsExactlyInAnyOrder("Ingress", "Egress");
        assertThat(map(denyAll, "spec")).doesNotContainKeys("ingress", "egress");
        // only the gateway is reachable from anywhere
        var open = policies.stream().filter(p -> ((List<Map<String, Object>>) map(p, "spec").getOrDefault("ingress", List.of()))
                .stream().anyMatch(rule -> !rule.containsKey("from"))).toList();
        assertThat(open).extracting(p -> map(map(map(p, "spec"), "podSelector"), "matchLabels").get("app.kubernetes.io/name"))
                .containsExactly("gateway");
    }

    static boolean selecting(List<Map<String, Object>> objects, String app) {
        return objects.stream().anyMatch(o -> {
            Map<String, Object> selector = map(o, "spec").get("selector") instanceof Map<?, ?> ? map(map(o, "spec"), "selector") : Map.of();
            Object labels = selector.containsKey("matchLabels") ? selector.get("matchLabels") : selector;
            return labels instanceof Map<?, ?> m && app.equals(m.get("app.kubernetes.io/name"));
        });
    }

    static List<Map<String, Object>> ofKind(List<Map<String, Object>> objects, String kind) {
        return objects.stream().filter(o -> kind.equals(o.get("kind"))).toList();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Map<String, Object> parent, String key) {
        Object value = parent.get(key);
        assertThat(value).as(key).isInstanceOf(Map.class);
        return (Map<String, Object>) value;
    }

    /** {@code kubectl kustomize} of the directory; the base's own files where kubectl is not installed. */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> build(String directory) throws Exception {
        String yaml;
        if (kubectl()) {
            Process process = new ProcessBuilder("kubectl", "kustomize", KUBERNETES.resolve(directory).toString())
                    .redirectErrorStream(true).start();
            yaml = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).as("kubectl kustomize " + directory + ":\n" + yaml).isZero();
        } else if (directory.equals("base")) {
            StringBuilder files = new StringBuilder();
            for (Object resource : (List<Object>) ((Map<String, Object>) new Yaml().load(
                    Files.readString(KUBERNETES.resolve("base/kustomization.yaml")))).get("resources")) {
                files.append(Files.readString(KUBERNETES.resolve("base").resolve((String) resource))).append("\n---\n");
            }
            yaml = files.toString();
        } else {
            org.junit.jupiter.api.Assumptions.abort("kubectl is not installed: overlays need kustomize to be built");
            return List.of();
        }
        List<Map<String, Object>> objects = new ArrayList<>();
        for (Object document : new Yaml().loadAll(yaml)) {
            if (document != null) {
                objects.add((Map<String, Object>) document);
            }
        }
        return objects;
    }

    static boolean kubectl() {
        try {
            return new ProcessBuilder("kubectl", "version", "--client").redirectErrorStream(true).start().waitFor(30, TimeUnit.SECONDS);
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
