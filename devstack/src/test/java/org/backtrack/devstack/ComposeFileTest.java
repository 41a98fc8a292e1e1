package org.backtrack.devstack;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No Docker engine runs here, so the compose file is checked statically: real images for Kafka and MongoDB,
 * health checks everywhere, and every variable given to a service names a property that service really has
 * (Spring's relaxed binding: SPRING_KAFKA_BOOTSTRAP_SERVERS is spring.kafka.bootstrap-servers).
 */
class ComposeFileTest {

    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    static final List<String> SERVICES = List.of("catalog-service", "routine-service", "progress-service", "gateway", "local-issuer");

    @SuppressWarnings("unchecked")
    static Map<String, Map<String, Object>> composeServices() throws IOException {
        Map<String, Object> compose = new Yaml().load(Files.readString(ROOT.resolve("docker-compose.yml")));
        return (Map<String, Map<String, Object>>) compose.get("services");
    }

    @Test
    void runsRealKafkaAndMongoDbWithHealthChecks() throws IOException {
        var services = composeServices();
        assertThat(services.get("kafka").get("image").toString()).startsWith("apache/kafka:");
        assertThat(services.get("mongo").get("image").toString()).startsWith("mongo:");
        assertThat(services.keySet()).containsAll(SERVICES);
        services.forEach((name, service) -> assertThat(service).as(name).containsKey("healthcheck"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void buildsEachServiceFromItsOwnModule() throws IOException {
        for (String name : SERVICES) {
            var build = (Map<String, Object>) composeServices().get(name).get("build");
            var args = (Map<String, Object>) build.get("args");
            assertThat(args.get("MODULE")).isEqualTo(name);
            assertThat(ROOT.resolve(name).resolve("pom.xml")).exists();
        }
        assertThat(ROOT.resolve("Dockerfile")).exists();
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyVariableNamesAPropertyTheServiceReads() throws IOException {
        for (String name : SERVICES) {
            var environment = (Map<String, Object>) composeServices().get(name).get("environment");
            Set<String> properties = relaxedKeys(ROOT.resolve(name).resolve("src/main/resources/application.yml"));
            assertThat(environment.keySet()).as("variables of %s", name)
                    .allSatisfy(variable -> assertThat(properties).as("%s in %s's application.yml", variable, name)
                            .contains(relaxed(variable)));
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void servicesWaitForHealthyInfrastructure() throws IOException {
        for (String name : List.of("catalog-service", "routine-service", "progress-service")) {
            var dependsOn = (Map<String, Map<String, String>>) composeServices().get(name).get("depends_on");
            assertThat(dependsOn.get("kafka").get("condition")).isEqualTo("service_healthy");
            assertThat(dependsOn.get("mongo").get("condition")).isEqualTo("service_healthy");
        }
    }

    @SuppressWarnings("unchecked")
    static Set<String> relaxedKeys(Path applicationYml) throws IOException {
        Map<String, Object> tree = new Yaml().load(Files.readString(applicationYml));
        Set<String> keys = new HashSet<>();
        flatten("", tree, keys);
        return keys;
    }

    @SuppressWarnings("unchecked")
    private static void flatten(String prefix, Map<String, Object> node, Set<String> keys) {
        node.forEach((key, value) -> {
            String path = prefix.isEmpty() ? key : prefix + "." + key;
            if (value instanceof Map<?, ?> child) {
                flatten(path, (Map<String, Object>) child, keys);
            } else {
                keys.add(relaxed(path));
            }
        });
    }

    /** The canonical form relaxed binding compares: lower case, without dots, dashes and underscores. */
    static String relaxed(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[._-]", "");
    }
}
