package org.backtrack.events;

import org.junit.jupiter.api.Test;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The AsyncAPI document and the code say the same: every topic the code names is a channel and every live channel is a
 * topic of the code; each topic carries exactly the event types the code defines for it; every CloudEvent message
 * declares the structured-mode {@code content-type} header the producers set; the dead-letter headers are the code's.
 * Anything added on one side without the other fails here.
 */
class AsyncApiAgreementTest {

    private static final Map<String, Object> DOC = AsyncApiYaml.load();

    @Test
    void everyTopicOfTheCodeIsAChannelAndEveryLiveChannelATopicOfTheCode() {
        Set<String> codeTopics = new HashSet<>(stringConstants(Topics.class, name -> !name.equals("DEAD_LETTER_SUFFIX")
                && !name.startsWith("INGRESS")));
        String ingress = Topics.INGRESS_PREFIX + "{clinicId}";
        codeTopics.add(ingress);
        codeTopics.add(Topics.deadLetterOf(ingress));

        Set<String> live = liveChannels().values().stream().map(c -> (String) c.get("address")).collect(Collectors.toSet());
        assertThat(live).containsExactlyInAnyOrderElementsOf(codeTopics);
        // the parameter stands for what Topics.ingressOf fills in
        assertThat(ingress.replace("{clinicId}", "clinic-7")).isEqualTo(Topics.ingressOf("clinic-7"));
    }

    @Test
    void eachTopicCarriesExactlyTheEventTypesTheCodeDefinesForIt() {
        Map<String, Set<String>> expected = Map.of(
                Topics.SESSIONS, Set.of(SessionCompleted.TYPE),
                Topics.INGRESS_PREFIX + "{clinicId}", Set.of(SessionCompleted.TYPE),
                Topics.PROGRESS, Set.of(ProgressStatusChanged.TYPE, AlertRaised.TYPE, AlertAcknowledged.TYPE, AlertResolved.TYPE,
                        WebhookEndpointDisabled.TYPE, MonitoringDaysReached.TYPE),
                Topics.CATALOG, Set.copyOf(CatalogEventTypes.all()),
                Topics.PROGRAMS, Set.of(ProgramChanged.TYPE));
        Set<String> documented = new HashSet<>();
        for (var channel : liveChannels().values()) {
            String address = (String) channel.get("address");
            Set<String> names = messagesOf(channel).stream().map(m -> (String) m.get("name")).collect(Collectors.toSet());
            if (address.endsWith(Topics.DEAD_LETTER_SUFFIX)) {
                assertThat(names).as(address).containsExactly("dead-letter");
            } else {
                assertThat(names).as(address).isEqualTo(expected.get(address));
                documented.addAll(names);
            }
        }
        // no event type of the code is left out (a new record with a TYPE must be documented)
        assertThat(documented).containsAll(eventTypesOfTheCode());
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyEventMessageDeclaresTheStructuredModeHeaderItsProducersSet() {
        Map<String, Object> schemas = (Map<String, Object>) components().get("schemas");
        var headers = (Map<String, Object>) schemas.get("CloudEventKafkaHeaders");
        var contentType = (Map<String, Object>) ((Map<String, Object>) headers.get("properties")).get(CloudEvent.CONTENT_TYPE_HEADER);
        assertThat(contentType.get("const")).isEqualTo(CloudEvent.STRUCTURED_CONTENT_TYPE);
        assertThat(DOC.get("defaultContentType")).isEqualTo(CloudEvent.STRUCTURED_CONTENT_TYPE);

        for (var channel : liveChannels().values()) {
            if (((String) channel.get("address")).endsWith(Topics.DEAD_LETTER_SUFFIX)) {
                continue;
            }
            for (Map<String, Object> message : messagesOf(channel)) {
                assertThat(message.get("contentType")).as((String) message.get("name")).isEqualTo(CloudEvent.STRUCTURED_CONTENT_TYPE);
                assertThat(((Map<String, Object>) message.get("headers")).get("$ref"))
                        .as((String) message.get("name")).isEqualTo("#/components/schemas/CloudEventKafkaHeaders");
                for (Object example : (List<Object>) message.getOrDefault("examples", List.of())) {
                    var exampleHeaders = (Map<String, Object>) ((Map<String, Object>) example).get("headers");
                    if (exampleHeaders != null) {
                        assertThat(exampleHeaders.get(CloudEvent.CONTENT_TYPE_HEADER)).isEqualTo(CloudEvent.STRUCTURED_CONTENT_TYPE);
                    }
                }
            }
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void theDeadLetterHeadersAreTheOnesTheCodeWrites() {
        var schemas = (Map<String, Object>) components().get("schemas");
        var deadLetter = (Map<String, Object>) schemas.get("DeadLetterHeaders");
        Set<String> own = ((Map<String, Object>) deadLetter.get("properties")).keySet().stream()
                .filter(name -> name.startsWith(DeadLetterContent.OWN_HEADER_PREFIX)).collect(Collectors.toSet());
        assertThat(own).containsExactlyInAnyOrderElementsOf(stringConstants(DeadLetterContent.class, name -> name.endsWith("_HEADER")));
        assertThat((List<String>) deadLetter.get("required")).contains(DeadLetterContent.REASON_HEADER,
                DeadLetterContent.ORIGINAL_BYTES_HEADER, DeadLetterContent.ORIGINAL_SHA256_HEADER);
    }

    @Test
    @SuppressWarnings("unchecked")
    void eachEventSchemaFixesTheTypeItsMessageIsNamedFor() {
        var schemas = (Map<String, Object>) components().get("schemas");
        for (var channel : liveChannels().values()) {
            for (Map<String, Object> message : messagesOf(channel)) {
                Object payload = message.get("payload");
                String ref = payload instanceof Map<?, ?> p ? (String) p.get("$ref") : null;
                if (ref == null || !ref.startsWith("#/components/schemas/")) {
                    continue; // the session event's external JSON Schema is checked by SessionEventSchemaAgreementTest
                }
                var schema = (Map<String, Object>) schemas.get(ref.substring("#/components/schemas/".length()));
                var typeConst = ((List<Map<String, Object>>) schema.get("allOf")).stream()
                        .map(part -> (Map<String, Object>) part.get("properties")).filter(p -> p != null && p.containsKey("type"))
                        .map(p -> ((Map<String, Object>) p.get("type")).get("const")).findFirst().orElseThrow();
                assertThat(typeConst).as(ref).isEqualTo(message.get("name"));
            }
        }
    }

    /** Channels that exist in code today (not {@code x-status: planned}). */
    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> liveChannels() {
        var channels = (Map<String, Map<String, Object>>) DOC.get("channels");
        return channels.entrySet().stream().filter(e -> !"planned".equals(e.getValue().get("x-status")))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> messagesOf(Map<String, Object> channel) {
        var messages = (Map<String, Object>) components().get("messages");
        List<Map<String, Object>> resolved = new ArrayList<>();
        for (Object ref : ((Map<String, Object>) channel.get("messages")).values()) {
            String target = (String) ((Map<String, Object>) ref).get("$ref");
            resolved.add((Map<String, Object>) messages.get(target.substring("#/components/messages/".length())));
        }
        return resolved;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> components() {
        return (Map<String, Object>) DOC.get("components");
    }

    private static List<String> stringConstants(Class<?> type, java.util.function.Predicate<String> named) {
        return Arrays.stream(type.getFields())
                .filter(f -> Modifier.isStatic(f.getModifiers()) && f.getType() == String.class && named.test(f.getName()))
                .map(AsyncApiAgreementTest::valueOf).toList();
    }

    /** Every {@code TYPE} constant of the contract's classes, and the catalog's types. */
    private static Set<String> eventTypesOfTheCode() {
        Set<String> types = new HashSet<>(CatalogEventTypes.all());
        try {
            Path classes = Path.of(CloudEvent.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                    .resolve(CloudEvent.class.getPackageName().replace('.', '/'));
            try (Stream<Path> files = Files.list(classes)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".class") && !f.getFileName().toString().contains("$")).toList()) {
                    String name = file.getFileName().toString().replace(".class", "");
                    Class<?> type = Class.forName(CloudEvent.class.getPackageName() + "." + name);
                    for (Field field : type.getFields()) {
                        if (field.getName().equals("TYPE") && field.getType() == String.class) {
                            types.add(valueOf(field));
                        }
                    }
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException("cannot list the contract's classes", e);
        }
        assertThat(types).as("the contract's event types").hasSizeGreaterThanOrEqualTo(7);
        return types;
    }

    private static String valueOf(Field field) {
        try {
            return (String) field.get(null);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}
