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
    static final Path REALM = ROOT.resolve("deploy/keycloak/backtrack-realm.json");
    /** The Keycloak KeycloakSystemTest runs (this module's keycloak.version); compose runs the same version's image. */
    static final String KEYCLOAK_VERSION = "26.7.3";
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
            properties.add(relaxed("management.server.port")); // Boot's own: Actuator on its own port
            properties.add(relaxed("spring.profiles.active")); // Boot's own: demo only with the demo issuer
            assertThat(environment.keySet()).as("variables of %s", name)
                    .allSatisfy(variable -> assertThat(properties).as("%s in %s's application.yml", variable, name)
                            .contains(relaxed(variable)));
        }
    }

    /**
     * The observability profile: Prometheus with the committed scrape configuration and alert rules, Grafana provisioned
     * with the committed dashboard, both only on the host's loopback; the services serve Actuator on the management port
     * Prometheus scrapes, and their health checks ask it there.
     */
    @Test
    @SuppressWarnings("unchecked")
    void theObservabilityProfileRunsPrometheusAndGrafanaWithTheCommittedFiles() throws IOException {
        var services = composeServices();
        for (String name : List.of("prometheus", "grafana")) {
            assertThat((List<String>) services.get(name).get("profiles")).as(name).containsExactly("observability");
            assertThat((List<String>) services.get(name).get("ports")).as(name).allSatisfy(p -> assertThat(p).startsWith("127.0.0.1:"));
            for (String volume : (List<String>) services.get(name).get("volumes")) {
                if (volume.startsWith("./")) {
                    assertThat(ROOT.resolve(volume.substring(2, volume.indexOf(':')))).as(volume).exists();
                }
            }
        }
        assertThat((List<String>) services.get("prometheus").get("volumes"))
                .anySatisfy(v -> assertThat(v).startsWith("./deploy/observability/prometheus.yml:"))
                .anySatisfy(v -> assertThat(v).startsWith("./deploy/observability/alert-rules.yml:"));
        String scrapes = Files.readString(ROOT.resolve("deploy/observability/prometheus.yml"));
        for (String name : List.of("catalog-service", "routine-service", "progress-service", "gateway")) {
            var environment = (Map<String, Object>) services.get(name).get("environment");
            assertThat(environment.get("MANAGEMENT_SERVER_PORT")).as(name).hasToString("9090");
            assertThat(scrapes).contains(name + ":9090");
        }
        assertThat(services.get("catalog-service").get("healthcheck").toString()).contains("MANAGEMENT_SERVER_PORT");
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

    /** The default identity provider is Keycloak with the committed realm; nothing secret in the realm file itself. */
    @Test
    @SuppressWarnings("unchecked")
    void keycloakRunsByDefaultWithTheCommittedRealm() throws IOException {
        var keycloak = composeServices().get("keycloak");
        assertThat(keycloak).doesNotContainKey("profiles").containsKey("healthcheck");
        assertThat(keycloak.get("image").toString()).isEqualTo("quay.io/keycloak/keycloak:" + KEYCLOAK_VERSION);
        assertThat((List<String>) keycloak.get("command")).contains("--import-realm");
        assertThat((List<String>) keycloak.get("volumes"))
                .contains("./deploy/keycloak/backtrack-realm.json:/opt/keycloak/data/import/backtrack-realm.json:ro");
        var environment = (Map<String, Object>) keycloak.get("environment");
        Matcher placeholder = Pattern.compile("\\$\\{(\\w+)(:[^}]*)?}").matcher(Files.readString(REALM));
        Set<String> placeholders = new HashSet<>();
        while (placeholder.find()) {
            placeholders.add(placeholder.group(1));
        }
        assertThat(placeholders).as("every placeholder of the realm is given to Keycloak")
                .isNotEmpty().allSatisfy(name -> assertThat(environment).containsKey(name));
        // the gateway signs in through it, the services take its tokens
        assertThat(environment("gateway").get("SPRING_SECURITY_OAUTH2_CLIENT_PROVIDER_BACKTRACK_AUTHORIZATIONURI").toString())
                .contains("/realms/backtrack/protocol/openid-connect/auth");
        for (String name : List.of("catalog-service", "routine-service", "progress-service")) {
            assertThat(environment(name).get("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_JWKSETURI").toString()).as(name)
                    .contains("keycloak:8180/realms/backtrack/protocol/openid-connect/certs");
        }
    }

    /** Two clinics, every role, the gateway's login client, machine clients, the clinic and roles as claims. */
    @Test
    @SuppressWarnings("unchecked")
    void theRealmHasWhatTheServicesRead() throws IOException {
        Map<String, Object> realm = new Yaml().load(Files.readString(REALM));
        var roles = ((Map<String, List<Map<String, Object>>>) realm.get("roles")).get("realm").stream().map(r -> r.get("name")).toList();
        assertThat(roles).containsExactlyInAnyOrderElementsOf(roleNames());
        var clients = (List<Map<String, Object>>) realm.get("clients");
        var byId = new HashMap<String, Map<String, Object>>();
        clients.forEach(client -> byId.put(client.get("clientId").toString(), client));
        assertThat(byId).containsOnlyKeys("backtrack-gateway", "demo-integration", "riverside-integration");
        assertThat(byId.get("backtrack-gateway").get("standardFlowEnabled")).isEqualTo(true);
        assertThat((List<String>) byId.get("backtrack-gateway").get("redirectUris")).allSatisfy(uri -> assertThat(uri).endsWith("/login/oauth2/code/backtrack"));
        for (var client : clients) {
            String id = client.get("clientId").toString();
            assertThat(client.get("secret").toString()).as("%s's secret comes from a variable", id).matches("\\$\\{[A-Z_]+}");
            assertThat(client.get("directAccessGrantsEnabled")).as("%s: no password grant", id).isEqualTo(false);
            var claims = ((List<Map<String, Object>>) client.get("protocolMappers")).stream()
                    .map(mapper -> (Map<String, String>) mapper.get("config"))
                    .filter(config -> "true".equals(config.get("access.token.claim"))).toList();
            assertThat(claims).extracting(config -> config.get("claim.name")).as(id).contains("clinic_id", "patient_id", "roles");
            assertThat(claims).extracting(config -> config.get("included.custom.audience")).as(id).contains("backtrack-api");
        }
        var users = (List<Map<String, Object>>) realm.get("users");
        Set<String> clinics = new HashSet<>();
        for (var user : users) {
            var attributes = (Map<String, List<String>>) user.getOrDefault("attributes", Map.of());
            clinics.addAll(attributes.getOrDefault("clinic_id", List.of()));
            for (var credential : (List<Map<String, Object>>) user.getOrDefault("credentials", List.of())) {
                assertThat(credential.get("value").toString()).as("%s's password comes from a variable", user.get("username"))
                        .matches("\\$\\{[A-Z_]+}");
            }
        }
        assertThat(clinics).containsExactlyInAnyOrderElementsOf(DemoClinic.CLINIC_IDS);
        assertThat(users).filteredOn(user -> user.containsKey("serviceAccountClientId"))
                .extracting(user -> user.get("serviceAccountClientId")).contains("demo-integration", "riverside-integration");
        // users cannot change their own clinic or patient in Keycloak's account console
        String profile = Files.readString(REALM);
        assertThat(profile).contains("\\\"name\\\":\\\"clinic_id\\\"", "\\\"edit\\\":[\\\"admin\\\"]");
    }

    /** The role names the services know: {@code org.backtrack.security.Role} (not on this module's class path). */
    static List<String> roleNames() throws IOException {
        String source = Files.readString(ROOT.resolve("security/src/main/java/org/backtrack/security/Role.java"));
        String constants = source.substring(source.indexOf("public enum Role {") + 18, source.indexOf(';', source.indexOf("public enum Role {")));
        return Pattern.compile("(?m)^\\s+([A-Z_]+),?\\s*$").matcher(constants.replaceAll("(?s)/\\*\\*.*?\\*/", ""))
                .results().map(result -> result.group(1)).toList();
    }

    /** The scale example: three brokers (replication 3, min.insync.replicas 2), a three-member replica set. */
    @Test
    @SuppressWarnings("unchecked")
    void theScaleExampleRunsThreeBrokersAndThreeReplicaSetMembers() throws IOException {
        Map<String, Object> file = new Yaml().load(Files.readString(ROOT.resolve("docker-compose.scale.yml")));
        var scale = (Map<String, Map<String, Object>>) file.get("services");
        var base = composeServices();
        Set<Object> nodeIds = new HashSet<>();
        Set<Object> formatted = new HashSet<>();
        for (String broker : List.of("kafka", "kafka-2", "kafka-3")) {
            var environment = merged(base, scale, broker);
            nodeIds.add(environment.get("KAFKA_NODE_ID").toString());
            assertThat(environment.get("KAFKA_CONTROLLER_QUORUM_VOTERS")).as(broker).isEqualTo("1@kafka:9093,2@kafka-2:9093,3@kafka-3:9093");
            assertThat(environment.get("KAFKA_DEFAULT_REPLICATION_FACTOR").toString()).isEqualTo("3");
            assertThat(environment.get("KAFKA_MIN_INSYNC_REPLICAS").toString()).isEqualTo("2");
            assertThat(environment.get("KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR").toString()).isEqualTo("3");
            assertThat(environment.get("KAFKA_TRANSACTION_STATE_LOG_MIN_ISR").toString()).isEqualTo("2");
            assertThat(environment.get("KAFKA_ADVERTISED_LISTENERS").toString()).isEqualTo("SASL_PLAINTEXT://" + broker + ":9092");
            assertThat(environment.get("KAFKA_AUTHORIZER_CLASS_NAME")).as("secured as the single broker is").isNotNull();
        }
        assertThat(nodeIds).containsExactlyInAnyOrder("1", "2", "3");
        for (String format : List.of("kafka-format", "kafka-format-2", "kafka-format-3")) {
            var environment = merged(base, scale, format);
            formatted.add(environment.get("NODE_ID").toString());
            assertThat(environment.get("VOTERS")).as(format).isEqualTo("1@kafka:9093,2@kafka-2:9093,3@kafka-3:9093");
        }
        assertThat(formatted).containsExactlyInAnyOrder("1", "2", "3");
        assertThat(script("kafka-init")).contains("--replication-factor \"$$REPLICATION_FACTOR\"", "min.insync.replicas=$$MIN_INSYNC_REPLICAS");
        assertThat(merged(base, scale, "kafka-init")).containsEntry("REPLICATION_FACTOR", 3).containsEntry("MIN_INSYNC_REPLICAS", 2);

        for (String member : List.of("mongo-2", "mongo-3")) {
            assertThat((List<String>) scale.get(member).get("command")).as(member).contains("--replSet", "rs0");
            assertThat(scale.get(member)).containsKey("healthcheck");
        }
        String initiate = String.join(" ", (List<String>) ((Map<String, Object>) scale.get("mongo").get("healthcheck")).get("test"));
        assertThat(initiate).contains("'mongo:27017'", "'mongo-2:27017'", "'mongo-3:27017'");
        for (String service : List.of("catalog-service", "routine-service", "progress-service")) {
            var environment = merged(base, scale, service);
            assertThat(environment.get("SPRING_MONGODB_URI").toString()).as(service)
                    .startsWith("mongodb://mongo:27017,mongo-2:27017,mongo-3:27017/").contains("w=majority", "readConcernLevel=majority");
            assertThat(environment.get("SPRING_KAFKA_BOOTSTRAP_SERVERS")).isEqualTo("kafka:9092,kafka-2:9092,kafka-3:9092");
            assertThat(environment.get("BACKTRACK_TOPICS_REPLICATION_FACTOR").toString()).isEqualTo("3");
        }
    }

    /** A service's environment with the scale file laid over the base file (or extending it), as compose merges them. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> merged(Map<String, Map<String, Object>> base, Map<String, Map<String, Object>> scale, String service) {
        Map<String, Object> over = scale.getOrDefault(service, Map.of());
        String from = over.containsKey("extends") ? ((Map<String, String>) over.get("extends")).get("service") : service;
        Map<String, Object> environment = new HashMap<>((Map<String, Object>) base.getOrDefault(from, Map.of()).getOrDefault("environment", Map.of()));
        environment.putAll((Map<String, Object>) over.getOrDefault("environment", Map.of()));
        return environment;
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
