package org.backtrack.devstack;

import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No Docker engine runs here, so the compose file is checked statically: real images for Kafka and MongoDB,
 * health checks everywhere, and every variable given to a service names a property that service really has
 * (Spring's relaxed binding: SPRING_KAFKA_BOOTSTRAP_SERVERS is spring.kafka.bootstrap-servers). Kafka runs secured
 * as devstack's {@code --kafka-security=scram} does, with the same principals, topics and ACLs ({@link KafkaAccess};
 * SecureBrokerIntegrationTest attacks those on a real broker).
 */
class ComposeFileTest {

    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    static final List<String> SERVICES = List.of("catalog-service", "routine-service", "progress-service", "gateway", "local-issuer");
    /** Each service's Kafka principal. */
    static final Map<String, String> KAFKA_PRINCIPALS = Map.of("catalog-service", KafkaAccess.CATALOG,
            "routine-service", KafkaAccess.ROUTINE, "progress-service", KafkaAccess.PROGRESS);
    /** Containers that run once and are awaited by their completion, not by a health check. */
    static final List<String> ONE_SHOTS = List.of("kafka-format", "kafka-init");
    /** Spring Boot's own Kafka client settings: not in application.yml, where the services default to a plaintext broker. */
    static final Set<String> BOOT_KAFKA_SECURITY_PROPERTIES = Set.of("spring.kafka.security.protocol",
            "spring.kafka.properties.sasl.mechanism", "spring.kafka.properties.sasl.jaas.config");
    /** The start of a sasl.jaas.config line whose password is a compose variable: user name and {@code ${VARIABLE:-default}}. */
    static final Pattern JAAS = Pattern.compile("\\S+ required username=\"([^\"]+)\" password=\"(\\$\\{[^}]+})\"");
    static final Pattern ADD_SCRAM = Pattern.compile("--add-scram \"SCRAM-SHA-256=\\[name=([^,]+),password=\\$\\$(\\w+)]\"");

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
        services.forEach((name, service) -> {
            if (!ONE_SHOTS.contains(name)) {
                assertThat(service).as(name).containsKey("healthcheck");
            }
        });
    }

    /**
     * Production, not a demo: MongoDB a replica set written with w=majority and read majority-committed; no secret
     * with a default (compose stops and names the variable); the demo issuer only in the demo profile.
     */
    @Test
    @SuppressWarnings("unchecked")
    void runsAsProductionWithoutDemoDefaults() throws IOException {
        var services = composeServices();
        assertThat((List<String>) services.get("mongo").get("command")).contains("--replSet");
        for (String name : List.of("catalog-service", "routine-service", "progress-service")) {
            var environment = (Map<String, Object>) services.get(name).get("environment");
            assertThat(environment.get("SPRING_MONGODB_URI").toString()).as(name)
                    .contains("replicaSet=", "w=majority", "readConcernLevel=majority");
        }
        assertThat((List<String>) services.get("local-issuer").get("profiles")).containsExactly("demo");
        String compose = Files.readString(ROOT.resolve("docker-compose.yml"));
        Matcher secret = Pattern.compile("\\$\\{(\\w*(PASSWORD|SECRET)\\w*)([^}]*)}").matcher(compose);
        int secrets = 0;
        while (secret.find()) {
            secrets++;
            assertThat(secret.group(3)).as(secret.group(1) + " is required, without a default").startsWith(":?");
        }
        assertThat(secrets).isGreaterThanOrEqualTo(8);
        assertThat(compose).doesNotContain("demo-only", "dev-gateway-secret", "dev-progress-secret");
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
            BOOT_KAFKA_SECURITY_PROPERTIES.forEach(property -> properties.add(relaxed(property)));
            properties.add(relaxed("spring.application.json")); // Boot's own: properties given as JSON
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
            assertThat(dependsOn.get("kafka-init").get("condition")).as("topics and ACLs exist").isEqualTo("service_completed_successfully");
        }
    }

    @Test
    void kafkaAuthenticatesEveryClientAndDeniesWhatIsNotGranted() throws IOException {
        var kafka = environment("kafka");
        assertThat(kafka.get("KAFKA_LISTENER_SECURITY_PROTOCOL_MAP").toString().split(","))
                .as("no PLAINTEXT listener, not even the controller's").allSatisfy(entry -> assertThat(entry).endsWith(":SASL_PLAINTEXT"));
        assertThat(kafka.get("KAFKA_ADVERTISED_LISTENERS").toString()).startsWith("SASL_PLAINTEXT://");
        assertThat(kafka.get("KAFKA_SASL_ENABLED_MECHANISMS")).isEqualTo("SCRAM-SHA-256");
        assertThat(kafka.get("KAFKA_AUTHORIZER_CLASS_NAME")).isEqualTo("org.apache.kafka.metadata.authorizer.StandardAuthorizer");
        assertThat(kafka.get("KAFKA_ALLOW_EVERYONE_IF_NO_ACL_FOUND")).isEqualTo("false");
        assertThat(kafka.get("KAFKA_SUPER_USERS")).isEqualTo("User:" + KafkaAccess.ADMIN);
        String adminPassword = environment("kafka-format").get("BACKTRACK_KAFKA_ADMIN_PASSWORD").toString();
        for (String login : List.of("KAFKA_LISTENER_NAME_SASL__PLAINTEXT_SCRAM___SHA___256_SASL_JAAS_CONFIG",
                "KAFKA_LISTENER_NAME_CONTROLLER_PLAIN_SASL_JAAS_CONFIG")) {
            Matcher jaas = JAAS.matcher(kafka.get(login).toString());
            assertThat(jaas.lookingAt()).as(login).isTrue();
            assertThat(jaas.group(1)).as(login).isEqualTo(KafkaAccess.ADMIN);
            assertThat(jaas.group(2)).as("the admin password kafka-format stored").isEqualTo(adminPassword);
        }
    }

    @Test
    void eachServiceLogsInAsItsOwnPrincipalWithThePasswordKafkaFormatStored() throws IOException {
        Map<String, String> stored = storedPasswords();
        var format = environment("kafka-format");
        for (var entry : KAFKA_PRINCIPALS.entrySet()) {
            String service = entry.getKey();
            String principal = entry.getValue();
            var environment = environment(service);
            assertThat(environment.get("SPRING_KAFKA_SECURITY_PROTOCOL")).as(service).isEqualTo("SASL_PLAINTEXT");
            assertThat(environment.get("SPRING_KAFKA_PROPERTIES_SASL_MECHANISM")).as(service).isEqualTo("SCRAM-SHA-256");
            Matcher jaas = JAAS.matcher(environment.get("SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG").toString());
            assertThat(jaas.lookingAt()).as(service).isTrue();
            assertThat(jaas.group(1)).as(service).isEqualTo(principal);
            assertThat(jaas.group(2)).as(service).isEqualTo(format.get(stored.get(principal)));
        }
    }

    @Test
    void kafkaFormatStoresACredentialForEveryPrincipal() throws IOException {
        assertThat(storedPasswords().keySet()).containsExactlyInAnyOrderElementsOf(KafkaAccess.principals(DemoClinic.CLINIC_IDS));
        assertThat(new ArrayList<>(storedPasswords().values())).as("one password variable per principal").doesNotHaveDuplicates();
        assertThat(environment("kafka-format").keySet()).containsAll(storedPasswords().values());
    }

    @Test
    void kafkaInitCreatesDevstacksTopicsAndAcls() throws IOException {
        String script = script("kafka-init");
        Matcher loop = Pattern.compile("for topic in ([^;]+); do").matcher(script);
        assertThat(loop.find()).isTrue();
        assertThat(loop.group(1).replace("\\", " ").trim().split("\\s+")).containsExactlyInAnyOrderElementsOf(DevStack.TOPICS);

        List<AclBinding> granted = new ArrayList<>();
        script.lines().map(String::trim).filter(line -> line.startsWith("allow ")).forEach(line -> granted.addAll(aclsOf(line)));
        assertThat(granted).containsExactlyInAnyOrderElementsOf(KafkaAccess.bindings(DemoClinic.CLINIC_IDS));
    }

    /** The bindings of one {@code allow <principal> [--operation O]... [--topic T|--group G]... [--resource-pattern-type P]} line. */
    private static List<AclBinding> aclsOf(String line) {
        String[] words = line.split("\\s+");
        List<AclOperation> operations = new ArrayList<>();
        List<ResourcePattern> resources = new ArrayList<>();
        PatternType patternType = PatternType.LITERAL;
        for (int i = 2; i < words.length; i += 2) {
            String value = words[i + 1];
            switch (words[i]) {
                case "--operation" -> operations.add(AclOperation.fromString(value));
                case "--topic" -> resources.add(new ResourcePattern(ResourceType.TOPIC, value, PatternType.LITERAL));
                case "--group" -> resources.add(new ResourcePattern(ResourceType.GROUP, value, PatternType.LITERAL));
                case "--resource-pattern-type" -> patternType = PatternType.fromString(value.toUpperCase(Locale.ROOT));
                default -> throw new AssertionError("unexpected option in " + line);
            }
        }
        List<AclBinding> bindings = new ArrayList<>();
        for (ResourcePattern resource : resources) {
            for (AclOperation operation : operations) {
                bindings.add(new AclBinding(new ResourcePattern(resource.resourceType(), resource.name(), patternType),
                        new AccessControlEntry("User:" + words[1], "*", operation, AclPermissionType.ALLOW)));
            }
        }
        return bindings;
    }

    /** The principals kafka-format gives a SCRAM credential, with the variable holding each password. */
    private static Map<String, String> storedPasswords() throws IOException {
        Map<String, String> stored = new HashMap<>();
        Matcher scram = ADD_SCRAM.matcher(script("kafka-format"));
        while (scram.find()) {
            stored.put(scram.group(1), scram.group(2));
        }
        return stored;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> environment(String service) throws IOException {
        return (Map<String, Object>) composeServices().get(service).get("environment");
    }

    /** The shell script a one-shot container runs ({@code command: [bash, -c, script]}). */
    @SuppressWarnings("unchecked")
    private static String script(String service) throws IOException {
        List<String> command = (List<String>) composeServices().get(service).get("command");
        assertThat(command.subList(0, 2)).isEqualTo(List.of("bash", "-c"));
        return command.get(2);
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
