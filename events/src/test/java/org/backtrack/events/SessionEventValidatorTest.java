package org.backtrack.events;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SessionEventValidatorTest {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final Clock NOW = Clock.fixed(Instant.parse("2026-11-23T00:00:00Z"), ZoneOffset.UTC);
    final SessionEventValidator validator = new SessionEventValidator(NOW);

    @Test
    void acceptsTheArchitectureExample() {
        assertThat(validator.validateEvent(JSON.readTree(SessionEventSamples.VALID_EVENT))).isEmpty();
    }

    @Test
    void acceptsMinimalPayloadWithOffsetAndPainExtremes() {
        assertThat(validator.validateData(JSON.readTree(SessionEventSamples.MINIMAL_DATA))).isEmpty();
    }

    @Test
    void reportsEveryMissingRequiredFieldByName() {
        List<Violation> violations = validator.validateData(JSON.readTree("{}"));
        assertThat(violations).extracting(Violation::field)
                .containsExactlyInAnyOrder("sessionId", "clinicId", "patientId", "completedAt", "painBefore", "painAfter");
    }

    @ParameterizedTest(name = "{0} = {1} is rejected")
    @CsvFileSource(resources = "/org/backtrack/events/rejected-session-fields.csv", delimiter = '|', quoteCharacter = '\'')
    void rejectsBadFieldNamingIt(String field, String json) {
        assertThat(fieldsNamedWith(field.trim(), json)).containsExactly(field.trim());
    }

    /**
     * An unknown field (the contract grows additively), a whole number written as a decimal (as JSON Schema reads it),
     * a lowercase t and z with fractions.
     */
    @ParameterizedTest(name = "{0} = {1} is accepted")
    @CsvSource(delimiter = '|', value = {
            "deviceModel | \"phone-x\"",
            "painBefore  | 4.0",
            "completedAt | \"2026-11-20t07:31:00.123456789z\"",
    })
    void acceptsField(String field, String json) {
        assertThat(fieldsNamedWith(field.trim(), json)).isEmpty();
    }

    /** The fields the validator names in the example's data with {@code field} set to the JSON value {@code json}. */
    List<String> fieldsNamedWith(String field, String json) {
        ObjectNode data = data();
        data.set(field, JSON.readTree(json));
        return validator.validateData(data).stream().map(Violation::field).toList();
    }

    @Test
    void namesTheBadExerciseByIndex() {
        ObjectNode data = data();
        data.set("exercises", JSON.readTree("""
                [{"exerciseId": "cat-cow"}, {"completed": "yes", "reps": 5000}]"""));
        assertThat(validator.validateData(data)).extracting(Violation::field)
                .containsExactlyInAnyOrder("exercises[1].exerciseId", "exercises[1].completed", "exercises[1].reps");
    }

    @Test
    void acceptsFeedbackPerExercise() {
        ObjectNode data = data();
        data.set("exercises", JSON.readTree("""
                [{"exerciseId": "cat-cow", "felt": "TOO_EASY", "hurt": false},
                 {"exerciseId": "leg-swings", "felt": "TOO_HARD", "hurt": true},
                 {"exerciseId": "knee-to-chest", "felt": "ABOUT_RIGHT"},
                 {"exerciseId": "childs-pose", "felt": null, "hurt": null}]"""));
        assertThat(validator.validateData(data)).isEmpty();
        SessionCompleted session = new SessionEventCodec(validator).decodeData(data);
        assertThat(session.exercises()).extracting(SessionCompleted.ExercisePerformed::felt)
                .containsExactly(ExerciseFeeling.TOO_EASY, ExerciseFeeling.TOO_HARD, ExerciseFeeling.ABOUT_RIGHT, null);
        assertThat(session.exercisesThatHurt()).containsExactly("leg-swings");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"too_easy\"", "\"EASY\"", "1", "true", "[\"TOO_EASY\"]", "{}", "\"\""})
    void namesABadFeeling(String felt) {
        assertThat(fieldsNamedWith("exercises", "[{\"exerciseId\": \"cat-cow\", \"felt\": " + felt + "}]"))
                .containsExactly("exercises[0].felt");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"yes\"", "1", "0", "\"true\"", "{}"})
    void namesABadHurt(String hurt) {
        assertThat(fieldsNamedWith("exercises", "[{\"exerciseId\": \"cat-cow\", \"hurt\": " + hurt + "}]"))
                .containsExactly("exercises[0].hurt");
    }

    @Test
    void limitsTheNumberOfExercises() {
        ObjectNode data = data();
        var exercises = data.putArray("exercises");
        for (int i = 0; i <= SessionEventValidator.MAX_EXERCISES; i++) {
            exercises.addObject().put("exerciseId", "cat-cow");
        }
        assertThat(validator.validateData(data)).extracting(Violation::field).containsExactly("exercises");
    }

    @Test
    void limitsNotesLength() {
        ObjectNode data = data();
        data.put("notes", "x".repeat(SessionEventValidator.MAX_NOTES_LENGTH + 1));
        assertThat(validator.validateData(data)).extracting(Violation::field).containsExactly("notes");
        data.put("notes", "x".repeat(SessionEventValidator.MAX_NOTES_LENGTH));
        assertThat(validator.validateData(data)).isEmpty();
    }

    @Test
    void rejectsNonBooleanFlag() {
        ObjectNode data = data();
        data.set("flags", JSON.readTree("{\"numbness\": \"yes\"}"));
        assertThat(validator.validateData(data)).extracting(Violation::field).containsExactly("flags.numbness");
    }

    @Test
    void prefixesPayloadFieldsWithDataInsideAnEvent() {
        ObjectNode event = (ObjectNode) JSON.readTree(SessionEventSamples.VALID_EVENT);
        ((ObjectNode) event.get("data")).put("painAfter", 12);
        assertThat(validator.validateEvent(event)).extracting(Violation::field).containsExactly("data.painAfter");
    }

    @ParameterizedTest(name = "envelope {0} = {1} is rejected")
    @CsvFileSource(resources = "/org/backtrack/events/rejected-envelope-fields.csv", delimiter = '|', quoteCharacter = '\'')
    void rejectsBadEnvelope(String field, String json) {
        ObjectNode event = (ObjectNode) JSON.readTree(SessionEventSamples.VALID_EVENT);
        event.set(field.trim(), JSON.readTree(json));
        assertThat(validator.validateEvent(event)).extracting(Violation::field).containsExactly(field.trim());
    }

    @Test
    void rejectsNonObjectEvent() {
        assertThat(validator.validateEvent(JSON.readTree("[1,2]"))).extracting(Violation::field).containsExactly("$");
    }

    static ObjectNode data() {
        JsonNode node = JSON.readTree(SessionEventSamples.VALID_DATA);
        return (ObjectNode) node;
    }
}
