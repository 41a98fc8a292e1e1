package org.backtrack.devstack;

import org.backtrack.devstack.ApiDocuments.Operation;
import org.backtrack.devstack.ApiDocuments.Parameter;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.backtrack.testsupport.TestDefaults.JSON;

class ApiFuzzerTest {

    static final JsonNode SESSION_EXAMPLE = JSON.readTree("""
            {"sessionId": "s-1", "clinicId": "clinic-7", "patientId": "patient-42", "completedAt": "2026-11-20T07:31:00Z",
             "painBefore": 6, "painAfter": 4, "exercises": [{"exerciseId": "cat-cow", "completed": true}]}""");
    static final Operation SESSIONS = new Operation("routine-service", "POST", "/api/v1/sessions", List.of("CLINICIAN"), List.of(),
            JSON.readTree("{\"type\":\"object\"}"), SESSION_EXAMPLE, true);
    static final Operation PROGRESS = new Operation("progress-service", "GET", "/api/v1/patients/{patientId}/progress",
            List.of("CLINICIAN"), List.of(new Parameter("patientId", "path", true, null), new Parameter("from", "query", false, null)),
            null, null, false);

    static final ApiFuzzer.Fixtures FIXTURES = new ApiFuzzer.Fixtures() {
        @Override
        public String valid(Operation op, String name, SplittableRandom random) {
            return switch (name) {
                case "patientId" -> "fuzz-p1";
                case "sessionId" -> "fuzz-s-1";
                case "from" -> "2026-11-01";
                default -> null;
            };
        }

        @Override
        public String etag(String id) {
            return null;
        }

        @Override
        public ApiFuzzer.Callers callers(Operation op) {
            return new ApiFuzzer.Callers(List.of("dr.lee"), List.of("none", "garbage"));
        }

        @Override
        public String authorization(String caller, SplittableRandom random) {
            return caller.equals("none") ? null : "Bearer " + caller;
        }
    };

    final ApiFuzzer fuzzer = new ApiFuzzer(FIXTURES);

    @Test
    void theSameSeedGivesTheSameRequest() {
        for (long seed : new long[]{1, 42, -7, Long.MAX_VALUE}) {
            var first = fuzzer.generate(SESSIONS, seed);
            var again = fuzzer.generate(SESSIONS, seed);
            assertThat(again.describe()).isEqualTo(first.describe());
            assertThat(again.body()).isEqualTo(first.body());
            assertThat(again.headers()).isEqualTo(first.headers());
        }
    }

    @Test
    void aFifthOrSoIsValidAndTheRestCoversEveryKindOfFault() {
        List<ApiFuzzer.Request> requests = IntStream.range(0, 2000).mapToObj(i -> fuzzer.generate(SESSIONS, i)).toList();
        long valid = requests.stream().filter(r -> r.variations().isEmpty() && r.caller().equals("dr.lee")).count();
        assertThat(valid).isBetween(300L, 600L);
        List<String> all = new ArrayList<>();
        requests.forEach(r -> all.addAll(r.variations()));
        assertThat(all).anyMatch(v -> v.startsWith("raw body")).anyMatch(v -> v.equals("no body"))
                .anyMatch(v -> v.startsWith("removed $.")).anyMatch(v -> v.contains(":= null")).anyMatch(v -> v.contains("nested"))
                .anyMatch(v -> v.contains("array of 101")).anyMatch(v -> v.startsWith("extra field"))
                .anyMatch(v -> v.startsWith("Content-Type multipart")).anyMatch(v -> v.startsWith("unknown param"))
                .anyMatch(v -> v.startsWith("header of")).anyMatch(v -> v.startsWith("If-Match"))
                .anyMatch(v -> v.equals("body with invalid UTF-8 bytes"));
        assertThat(requests).anyMatch(r -> r.caller().equals("garbage")).anyMatch(r -> r.caller().equals("none"));
    }

    @Test
    void aValidBodyIsTheExampleWithTheFixturesValuesAndTheCallersClinic() {
        var request = IntStream.range(0, 200).mapToObj(i -> fuzzer.generate(SESSIONS, i))
                .filter(r -> r.variations().isEmpty()).findFirst().orElseThrow();
        JsonNode body = JSON.readTree(new String(request.body(), StandardCharsets.UTF_8));

        assertThat(body.get("patientId").asString()).isEqualTo("fuzz-p1");
        assertThat(body.get("sessionId").asString()).isEqualTo("fuzz-s-1");
        assertThat(body.has("clinicId")).as("left to the caller's token").isFalse();
        assertThat(body.get("painBefore").asInt()).isEqualTo(6);
        assertThat(request.headers()).contains(java.util.Map.entry("Content-Type", "application/json"));
    }

    @Test
    void pathParametersAreFilledValidOrVariedAndEncoded() {
        List<String> targets = IntStream.range(0, 500).mapToObj(i -> fuzzer.generate(PROGRESS, i).target()).toList();

        assertThat(targets).contains("/api/v1/patients/fuzz-p1/progress", "/api/v1/patients/fuzz-p1/progress?from=2026-11-01",
                "/api/v1/patients//progress");
        assertThat(targets).anyMatch(t -> t.matches(".*%[C-F][0-9A-F]%[89AB][0-9A-F].*")) // UTF-8, percent-encoded
                .allMatch(t -> t.chars().allMatch(c -> c > 32 && c < 127));
    }

    @Test
    void nestingMarksBecomeThatDeep() {
        String json = ApiFuzzer.writeNested("{\"a\":\"" + ApiFuzzer.NESTED + "3a\",\"b\":\"" + ApiFuzzer.NESTED + "2o\"}");

        assertThat(json).isEqualTo("{\"a\":[[[1]]],\"b\":{\"a\":{\"a\":1}}}");
    }

    @Test
    void encodingKeepsOnlyUnreservedCharacters() {
        assertThat(ApiFuzzer.encode("a b/ü~")).isEqualTo("a%20b%2F%C3%BC~");
    }
}
