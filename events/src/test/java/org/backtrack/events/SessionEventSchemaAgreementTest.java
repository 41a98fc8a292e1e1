package org.backtrack.events;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.node.ObjectNode;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/** Keeps the published JSON Schema and the Java validator in step: both accept or both reject each sample. */
class SessionEventSchemaAgreementTest {

    static final Schema SCHEMA = load();

    record Sample(String name, Consumer<ObjectNode> change) {
        @Override
        public String toString() {
            return name;
        }
    }

    static List<Sample> samples() {
        var samples = new ArrayList<Sample>();
        samples.add(new Sample("architecture example", e -> { }));
        samples.add(new Sample("minimal data", e -> e.set("data", SessionEventValidatorTest.JSON.readTree(SessionEventSamples.MINIMAL_DATA))));
        samples.add(new Sample("no time or subject", e -> { e.remove("time"); e.remove("subject"); }));
        samples.add(new Sample("null optional data fields", e -> data(e).putNull("routineId").putNull("durationSeconds").putNull("flags").putNull("exercises")));
        samples.add(new Sample("extra field", e -> data(e).put("painLocation", "left")));
        samples.add(new Sample("pain 11", e -> data(e).put("painBefore", 11)));
        samples.add(new Sample("pain -1", e -> data(e).put("painAfter", -1)));
        samples.add(new Sample("pain 4.5", e -> data(e).put("painAfter", 4.5)));
        samples.add(new Sample("pain 4.0", e -> data(e).put("painAfter", 4.0)));
        samples.add(new Sample("pain as string", e -> data(e).put("painAfter", "4")));
        samples.add(new Sample("missing sessionId", e -> data(e).remove("sessionId")));
        samples.add(new Sample("missing painAfter", e -> data(e).remove("painAfter")));
        samples.add(new Sample("blank id", e -> e.put("id", " ")));
        samples.add(new Sample("wrong type", e -> e.put("type", "backtrack.session.completed.v2")));
        samples.add(new Sample("wrong specversion", e -> e.put("specversion", "0.3")));
        samples.add(new Sample("no data", e -> e.remove("data")));
        samples.add(new Sample("no offset", e -> data(e).put("completedAt", "2026-11-20T07:31:00")));
        samples.add(new Sample("space separator", e -> data(e).put("completedAt", "2026-11-20 07:31:00Z")));
        samples.add(new Sample("identifier with slash", e -> data(e).put("patientId", "a/b")));
        samples.add(new Sample("identifier too long", e -> data(e).put("patientId", "p".repeat(129))));
        samples.add(new Sample("identifier at limit", e -> data(e).put("patientId", "p".repeat(128))));
        samples.add(new Sample("notes too long", e -> data(e).put("notes", "n".repeat(2001))));
        samples.add(new Sample("exercise without id", e -> data(e).putArray("exercises").addObject().put("reps", 3)));
        samples.add(new Sample("feedback", e -> data(e).putArray("exercises").addObject().put("exerciseId", "cat-cow").put("felt", "TOO_EASY").put("hurt", true)));
        samples.add(new Sample("null feedback", e -> data(e).putArray("exercises").addObject().put("exerciseId", "cat-cow").putNull("felt").putNull("hurt")));
        samples.add(new Sample("unknown feeling", e -> data(e).putArray("exercises").addObject().put("exerciseId", "cat-cow").put("felt", "EASY")));
        samples.add(new Sample("lowercase feeling", e -> data(e).putArray("exercises").addObject().put("exerciseId", "cat-cow").put("felt", "too_hard")));
        samples.add(new Sample("feeling as number", e -> data(e).putArray("exercises").addObject().put("exerciseId", "cat-cow").put("felt", 1)));
        samples.add(new Sample("hurt as string", e -> data(e).putArray("exercises").addObject().put("exerciseId", "cat-cow").put("hurt", "yes")));
        samples.add(new Sample("flag not boolean", e -> data(e).putObject("flags").put("numbness", 1)));
        samples.add(new Sample("duration too long", e -> data(e).put("durationSeconds", 86401)));
        samples.add(new Sample("text content type", e -> e.put("datacontenttype", "text/plain")));
        return samples;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void schemaAndValidatorAgree(Sample sample) {
        ObjectNode event = (ObjectNode) SessionEventValidatorTest.JSON.readTree(SessionEventSamples.VALID_EVENT);
        sample.change().accept(event);

        boolean schemaAccepts = SCHEMA.validate(event).isEmpty();
        boolean validatorAccepts = new SessionEventValidator(SessionEventValidatorTest.NOW).validateEvent(event).isEmpty();

        assertThat(validatorAccepts).as("validator and schema agree on '%s'", sample.name()).isEqualTo(schemaAccepts);
    }

    private static ObjectNode data(ObjectNode event) {
        return (ObjectNode) event.get("data");
    }

    private static Schema load() {
        try (InputStream in = SessionEventSchemaAgreementTest.class.getResourceAsStream("/schemas/session-completed-v1.schema.json")) {
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                    .getSchema(SessionEventValidatorTest.JSON.readTree(in));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
