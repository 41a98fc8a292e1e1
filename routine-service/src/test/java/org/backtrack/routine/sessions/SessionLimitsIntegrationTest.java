package org.backtrack.routine.sessions;

import org.backtrack.events.SessionLimits;
import org.backtrack.testsupport.Infrastructure;
import org.backtrack.testsupport.RunsOn;
import org.backtrack.testsupport.TestHttp;
import org.backtrack.testsupport.TestIssuer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The contract's limits per patient at the HTTP door: 429 problem+json naming the limit and the field. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@RunsOn(Infrastructure.EMBEDDED)
class SessionLimitsIntegrationTest {

    @LocalServerPort
    int port;

    final String clinic = "clinic-limits-" + UUID.randomUUID().toString().substring(0, 8);
    final String patient = "patient-" + UUID.randomUUID();

    RestClient http() {
        return TestHttp.client(port, TestIssuer.clinician(clinic));
    }

    ResponseEntity<JsonNode> post(String sessionId, String completedAt, int painAfter) {
        String body = """
                {"sessionId":"%s","patientId":"%s","completedAt":"%s","painBefore":6,"painAfter":%d}"""
                .formatted(sessionId, patient, completedAt, painAfter);
        return http().post().uri("/api/v1/sessions").contentType(MediaType.APPLICATION_JSON).body(body).retrieve().toEntity(JsonNode.class);
    }

    static void assertOverLimit(ResponseEntity<JsonNode> response, int limit, String field) {
        assertThat(response.getStatusCode().value()).isEqualTo(429);
        assertThat(response.getHeaders().getContentType().toString()).isEqualTo("application/problem+json");
        assertThat(response.getBody().get("limit").asInt()).isEqualTo(limit);
        assertThat(response.getBody().get("errors").get(0).get("field").asString()).isEqualTo(field);
        assertThat(response.getBody().get("detail").asString()).contains(String.valueOf(limit));
    }

    @Test
    void aThirteenthSessionOnOneDayIsRefusedUntilACorrectionMovesOneAway() {
        int limit = SessionLimits.MAX_SESSIONS_PER_PATIENT_PER_DAY;
        for (int i = 0; i < limit; i++) {
            assertThat(post("s-" + i, "2026-11-20T0" + (i % 10) + ":0" + (i / 10) + ":00Z", 4).getStatusCode().value()).isEqualTo(201);
        }
        assertOverLimit(post("s-extra", "2026-11-20T23:59:00Z", 4), limit, "completedAt");
        // the same day in another time zone is still that UTC day; the next UTC day is another day
        assertOverLimit(post("s-extra", "2026-11-21T00:30:00+01:00", 4), limit, "completedAt");
        assertThat(post("s-next-day", "2026-11-21T00:30:00Z", 4).getStatusCode().value()).isEqualTo(201);
        // a retry of a session already counted is no new session
        assertThat(post("s-0", "2026-11-20T00:00:00Z", 4).getStatusCode().value()).isEqualTo(200);

        // a correction that moves a session into the full day is refused like a new one
        assertOverLimit(post("s-next-day", "2026-11-20T12:00:00Z", 4), limit, "completedAt");
        // moving one away frees its place
        assertThat(post("s-0", "2026-11-22T07:00:00Z", 4).getStatusCode().value()).isEqualTo(200);
        assertThat(post("s-extra", "2026-11-20T23:59:00Z", 4).getStatusCode().value()).isEqualTo(201);
    }

    @Test
    void aSessionIsCorrectedAtMostTheLimitTimes() {
        int limit = SessionLimits.MAX_CORRECTIONS_PER_SESSION;
        assertThat(post("s-1", "2026-11-20T07:00:00Z", 0).getStatusCode().value()).isEqualTo(201);
        for (int i = 1; i <= limit; i++) {
            assertThat(post("s-1", "2026-11-20T07:00:00Z", i % 11).getStatusCode().value()).as("correction %d", i).isEqualTo(200);
        }
        assertOverLimit(post("s-1", "2026-11-20T07:00:00Z", 10 - limit % 11), limit, "sessionId");
        // the same data again is no correction and is still answered
        assertThat(post("s-1", "2026-11-20T07:00:00Z", limit % 11).getStatusCode().value()).isEqualTo(200);
    }
}
