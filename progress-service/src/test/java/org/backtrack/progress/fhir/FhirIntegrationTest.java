package org.backtrack.progress.fhir;

import ca.uhn.fhir.context.FhirContext;
import com.sun.net.httpserver.HttpServer;
import org.backtrack.events.Topics;
import org.backtrack.testsupport.Infrastructure;
import org.backtrack.testsupport.KafkaTestClient;
import org.backtrack.testsupport.RunsOn;
import org.backtrack.testsupport.TestHttp;
import org.backtrack.testsupport.TestIssuer;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.backtrack.testsupport.TestDefaults.JSON;

/**
 * The FHIR R4 API over HTTP on the embedded broker and MongoDB-wire server: sessions go in through Kafka (with a
 * duplicate and a correction), the Observation Bundle is read page by page through its next links and checked with
 * HAPI's validator, clinics never see each other, every attack answers an OperationOutcome, and the CarePlan comes
 * from a stand-in for routine-service (which sees the caller's own token), or is a 503 when it fails.
 */
@RunsOn(Infrastructure.EMBEDDED)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FhirIntegrationTest {

    static final HttpServer ROUTINE = routineStandIn();
    static final AtomicInteger ROUTINE_STATUS = new AtomicInteger(200);
    static final AtomicReference<String> ROUTINE_AUTH = new AtomicReference<>();
    static final String CLINIC_A = "clinic-fa-" + UUID.randomUUID().toString().substring(0, 8);
    static final String CLINIC_B = "clinic-fb-" + UUID.randomUUID().toString().substring(0, 8);
    static final String PATIENT = "patient-42";
    static final FhirContext FHIR = FhirContext.forR4Cached();

    @DynamicPropertySource
    static void routineService(DynamicPropertyRegistry registry) {
        registry.add("backtrack.routine.url", () -> "http://127.0.0.1:" + ROUTINE.getAddress().getPort());
        registry.add("backtrack.routine.timeout", () -> "2s");
    }

    @LocalServerPort
    int port;
    @Autowired
    KafkaTestClient kafka;
    final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    @BeforeAll
    void sessions() {
        List<String> a = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            Instant at = now.minus(Duration.ofDays(10 - i));
            a.add(event("e-a" + i, CLINIC_A, "s-" + i, at, 7 - i, 5 - i / 2, i % 2 == 0 ? "{\"nightPain\":" + (i == 4) + "}" : null));
        }
        a.add(a.get(1)); // redelivered: counts once
        // a correction of s-2: a new event id for the same session, pain 1 -> 0
        a.add(event("e-a2-fix", CLINIC_A, "s-2", now.minus(Duration.ofDays(8)), 1, 0, null)
                .replace("\"time\":\"" + now.minus(Duration.ofDays(8)), "\"time\":\"" + now.minusSeconds(60)));
        kafka.sendAll(Topics.SESSIONS, PATIENT, a);
        // clinic B has a patient with the same id and one session of its own
        kafka.sendAll(Topics.SESSIONS, PATIENT, List.of(event("e-b0", CLINIC_B, "s-0", now.minus(Duration.ofDays(3)), 9, 9, null)));
        await().atMost(Duration.ofSeconds(60)).ignoreExceptions().untilAsserted(() -> {
            assertThat(http(TestIssuer.clinician(CLINIC_A)).get().uri("/api/v1/patients/" + PATIENT + "/progress")
                    .retrieve().body(String.class)).contains("\"sessionCount\":6");
            assertThat(observationIds(TestIssuer.clinician(CLINIC_A), "patient=" + PATIENT)).contains("s-2-pain-before")
                    .doesNotContain("s-2-red-flags"); // the correction stands
            assertThat(http(TestIssuer.clinician(CLINIC_B)).get().uri("/api/v1/patients/" + PATIENT + "/progress")
                    .retrieve().body(String.class)).contains("\"sessionCount\":1");
        });
    }

    @AfterAll
    void stopStandIn() {
        ROUTINE.stop(0);
    }

    static String event(String id, String clinic, String sessionId, Instant at, int before, int after, String flags) {
        return """
                {"specversion":"1.0","id":"%s","source":"/test","type":"backtrack.session.completed.v1","subject":"%s",
                 "time":"%s","data":{"sessionId":"%s","clinicId":"%s","patientId":"%s","completedAt":"%s","painBefore":%d,
                 "painAfter":%d%s}}""".formatted(id + "-" + clinic, PATIENT, at, sessionId, clinic, PATIENT, at, before, after,
                flags == null ? "" : ",\"flags\":" + flags);
    }

    RestClient http(String token) {
        return token == null ? TestHttp.client(port) : TestHttp.client(port, token);
    }

    ResponseEntity<String> get(String token, String pathAndQuery) {
        return http(token).get().uri(URI.create("http://localhost:" + port + pathAndQuery)).retrieve().toEntity(String.class);
    }

    /** Every Observation id of a search, following the next links from the first page; each page validated. */
    List<String> observationIds(String token, String query) {
        List<String> ids = new ArrayList<>();
        String url = "/fhir/r4/Observation?" + query;
        for (int pages = 0; url != null; pages++) {
            assertThat(pages).isLessThan(50);
            ResponseEntity<String> page = get(token, url);
            assertThat(page.getStatusCode().value()).as(page.getBody()).isEqualTo(200);
            assertThat(page.getHeaders().getContentType().toString()).startsWith("application/fhir+json");
            Bundle bundle = FHIR.newJsonParser().parseResource(Bundle.class, page.getBody());
            assertThat(bundle.getType()).isEqualTo(Bundle.BundleType.SEARCHSET);
            assertThat(FhirValidation.errors(page.getBody())).isEmpty();
            bundle.getEntry().forEach(e -> {
                assertThat(e.getFullUrl()).isEqualTo("http://localhost:" + port + "/fhir/r4/Observation/" + e.getResource().getIdElement().getIdPart());
                ids.add(e.getResource().getIdElement().getIdPart());
            });
            Bundle.BundleLinkComponent next = bundle.getLink("next");
            url = next == null ? null : URI.create(next.getUrl()).getRawPath() + "?" + URI.create(next.getUrl()).getRawQuery();
            assertThat(bundle.getLink("self").getUrl()).startsWith("http://localhost:" + port + "/fhir/r4/Observation?patient=");
        }
        return ids;
    }

    static final List<String> CLINIC_A_OBSERVATIONS = List.of(
            "s-0-pain-before", "s-0-pain-after", "s-0-red-flags",
            "s-1-pain-before", "s-1-pain-after",
            "s-2-pain-before", "s-2-pain-after",
            "s-3-pain-before", "s-3-pain-after",
            "s-4-pain-before", "s-4-pain-after", "s-4-red-flags",
            "s-5-pain-before", "s-5-pain-after");

    @Test
    void theObservationsOfEverySessionComePageByPageThroughTheNextLinks() {
        String clinician = TestIssuer.clinician(CLINIC_A);
        assertThat(observationIds(clinician, "patient=" + PATIENT + "&_count=4")).containsExactlyElementsOf(CLINIC_A_OBSERVATIONS);
        assertThat(observationIds(clinician, "patient=Patient/" + PATIENT + "&_count=1")).containsExactlyElementsOf(CLINIC_A_OBSERVATIONS);
        assertThat(observationIds(TestIssuer.integration(CLINIC_A), "patient=" + PATIENT)).containsExactlyElementsOf(CLINIC_A_OBSERVATIONS);
        assertThat(observationIds(TestIssuer.patient(CLINIC_A, PATIENT), "patient=" + PATIENT)).containsExactlyElementsOf(CLINIC_A_OBSERVATIONS);

        Bundle first = FHIR.newJsonParser().parseResource(Bundle.class,
                get(clinician, "/fhir/r4/Observation?patient=" + PATIENT + "&_count=14").getBody());
        assertThat(first.getEntry()).hasSize(14);
        assertThat(first.getLink("next")).isNull();
        Observation night = (Observation) first.getEntry().get(11).getResource();
        assertThat(night.getComponent().get(3).getValueBooleanType().booleanValue()).isTrue();
        assertThat(night.getEffectiveDateTimeType().getValue().toInstant()).isEqualTo(now.minus(Duration.ofDays(6)));
    }

    @Test
    void dateNarrowsTheSessionsByCompletedAt() {
        String since = now.minus(Duration.ofDays(6)).minusSeconds(1).toString();
        assertThat(observationIds(TestIssuer.clinician(CLINIC_A), "patient=" + PATIENT + "&date=ge" + since + "&_count=2"))
                .containsExactlyElementsOf(CLINIC_A_OBSERVATIONS.subList(9, 14));
        assertThat(observationIds(TestIssuer.clinician(CLINIC_A), "patient=" + PATIENT + "&date=ge" + since + "&date=lt"
                + now.minus(Duration.ofDays(5)).toString())).containsExactlyElementsOf(CLINIC_A_OBSERVATIONS.subList(9, 12));
        assertThat(observationIds(TestIssuer.clinician(CLINIC_A), "patient=" + PATIENT + "&date=ge2999-01-01")).isEmpty();
    }

    @Test
    void clinicBSeesOnlyItsOwnPatientOfTheSameIdAndNothingOfClinicA() {
        assertThat(observationIds(TestIssuer.clinician(CLINIC_B), "patient=Patient/" + PATIENT))
                .containsExactly("s-0-pain-before", "s-0-pain-after");
        String body = get(TestIssuer.clinician(CLINIC_B), "/fhir/r4/Observation?patient=" + PATIENT).getBody();
        assertThat(body).contains(CLINIC_B + "/s-0").doesNotContain(CLINIC_A);
        // a patient only clinic A has: the same 404 as an unknown id
        ResponseEntity<String> other = get(TestIssuer.clinician(CLINIC_B), "/fhir/r4/Observation?patient=Patient/p-only-a");
        ResponseEntity<String> unknown = get(TestIssuer.clinician(CLINIC_A), "/fhir/r4/Observation?patient=Patient/p-only-a");
        assertOutcome(other, 404, "not-found");
        assertOutcome(unknown, 404, "not-found");
    }

    @Test
    void everyAttackAnswersAnOperationOutcome() {
        String clinician = TestIssuer.clinician(CLINIC_A);
        String obs = "/fhir/r4/Observation?patient=" + PATIENT;
        assertOutcome(get(clinician, "/fhir/r4/Observation?patient=Patient/../x"), 400, "invalid");
        assertOutcome(get(clinician, "/fhir/r4/Observation?patient=Patient/a/b"), 400, "invalid");
        assertOutcome(get(clinician, "/fhir/r4/Observation?patient=.*"), 400, "invalid");
        assertOutcome(get(clinician, "/fhir/r4/Observation?patient=Observation/x"), 400, "invalid");
        assertOutcome(get(clinician, "/fhir/r4/Observation?patient=" + "a".repeat(200)), 400, "invalid");
        assertOutcome(get(clinician, "/fhir/r4/Observation"), 400, "invalid");
        assertOutcome(get(clinician, "/fhir/r4/Observation?patient=a&patient=b"), 400, "invalid");
        assertOutcome(get(clinician, obs + "&_count=abc"), 400, "invalid");
        assertOutcome(get(clinician, obs + "&_count=0"), 400, "invalid");
        assertOutcome(get(clinician, obs + "&date=xx"), 400, "invalid");
        assertOutcome(get(clinician, obs + "&date=ne2026-01-01"), 400, "invalid");
        assertOutcome(get(clinician, obs + "&_cursor=not-a-cursor"), 400, "invalid");
        assertOutcome(get(clinician, obs + "&_cursor=" + "A".repeat(2000)), 400, "invalid");
        // a huge _count is served with the maximum
        Bundle huge = FHIR.newJsonParser().parseResource(Bundle.class, get(clinician, obs + "&_count=99999999999999999999").getBody());
        assertThat(huge.getLink("self").getUrl()).contains("_count=200");
        // another patient for a patient token, and a clinic-less caller: 404 like an unknown patient
        assertOutcome(get(TestIssuer.patient(CLINIC_A, "patient-7"), obs), 404, "not-found");
        assertOutcome(get(TestIssuer.patient(CLINIC_A, "patient-7"), "/fhir/r4/CarePlan?patient=" + PATIENT), 404, "not-found");
        // a role that may not read patient data, no token, a forged token
        assertOutcome(get(TestIssuer.platformAdmin(), obs), 403, "forbidden");
        assertOutcome(get(null, obs), 401, "login");
        assertOutcome(get("forged.token.value", obs), 401, "login");
        assertOutcome(get(null, "/fhir/r4/CarePlan?patient=" + PATIENT), 401, "login");
    }

    @Test
    void theCapabilityStatementIsPublicAndValid() {
        ResponseEntity<String> metadata = get(null, "/fhir/r4/metadata");
        assertThat(metadata.getStatusCode().value()).isEqualTo(200);
        assertThat(metadata.getHeaders().getContentType().toString()).startsWith("application/fhir+json");
        CapabilityStatement statement = FHIR.newJsonParser().parseResource(CapabilityStatement.class, metadata.getBody());
        assertThat(statement.getFhirVersion().toCode()).isEqualTo("4.0.1");
        assertThat(statement.getKind()).isEqualTo(CapabilityStatement.CapabilityStatementKind.INSTANCE);
        assertThat(FhirValidation.errors(metadata.getBody())).isEmpty();
    }

    @Test
    void theCarePlanComesFromRoutineServiceAskedWithTheCallersToken() {
        String token = TestIssuer.clinician(CLINIC_A);
        ROUTINE_STATUS.set(200);
        ResponseEntity<String> answer = get(token, "/fhir/r4/CarePlan?patient=Patient/" + PATIENT);
        assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(200);
        assertThat(ROUTINE_AUTH.get()).isEqualTo("Bearer " + token);
        assertThat(FhirValidation.errors(answer.getBody())).isEmpty();
        Bundle bundle = FHIR.newJsonParser().parseResource(Bundle.class, answer.getBody());
        CarePlan plan = (CarePlan) bundle.getEntryFirstRep().getResource();
        assertThat(plan.getCategoryFirstRep().getCodingFirstRep().getCode()).isEqualTo("DEEPER");
        assertThat(plan.getActivity()).extracting(a -> a.getDetail().getCode().getCodingFirstRep().getCode())
                .containsExactly("cat-cow", "knee-to-chest");

        ROUTINE_STATUS.set(404);
        assertOutcome(get(token, "/fhir/r4/CarePlan?patient=" + PATIENT), 404, "not-found");
        ROUTINE_STATUS.set(500);
        ResponseEntity<String> failing = get(token, "/fhir/r4/CarePlan?patient=" + PATIENT);
        assertOutcome(failing, 503, "transient");
        assertThat(failing.getHeaders().getFirst("Retry-After")).isEqualTo("5");
        ROUTINE_STATUS.set(200);
    }

    @Test
    void readsAreInTheAccessLogLikeAProgressRead() {
        get(TestIssuer.clinician(CLINIC_A), "/fhir/r4/Observation?patient=" + PATIENT + "&_count=1");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(get(TestIssuer.clinicAdmin(CLINIC_A),
                "/api/v1/access-log/progress-service?patientId=" + PATIENT).getBody())
                .contains("/fhir/r4/Observation").contains("\"patientId\":\"" + PATIENT + "\""));
        assertThat(get(TestIssuer.clinicAdmin(CLINIC_B), "/api/v1/access-log/progress-service?patientId=" + PATIENT).getBody())
                .doesNotContain(CLINIC_A);
    }

    @Test
    void theOpenApiDocumentNamesTheRolesAndTheOperationOutcomes() throws IOException {
        String document = get(null, "/v3/api-docs").getBody();
        java.nio.file.Files.createDirectories(java.nio.file.Path.of("target/openapi"));
        java.nio.file.Files.writeString(java.nio.file.Path.of("target/openapi/progress-service-fhir.json"), document);
        var paths = JSON.readTree(document).get("paths");
        for (String path : List.of("/fhir/r4/Observation", "/fhir/r4/CarePlan")) {
            var get = paths.get(path).get("get");
            assertThat(get.get("x-backtrack-roles").toString()).contains("CLINICIAN", "CLINIC_ADMIN", "INTEGRATION", "PATIENT")
                    .doesNotContain("PLATFORM_ADMIN");
            assertThat(get.get("responses").get("400").get("content").has("application/fhir+json")).isTrue();
            assertThat(get.get("responses").get("404").get("content").has("application/fhir+json")).isTrue();
        }
        var metadata = paths.get("/fhir/r4/metadata").get("get");
        assertThat(metadata.has("x-backtrack-roles")).isFalse();
        assertThat(metadata.get("security").size()).isZero();
    }

    static void assertOutcome(ResponseEntity<String> answer, int status, String code) {
        assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(status);
        assertThat(answer.getHeaders().getContentType().toString()).as(answer.getBody()).startsWith("application/fhir+json");
        OperationOutcome outcome = FHIR.newJsonParser().parseResource(OperationOutcome.class, answer.getBody());
        assertThat(outcome.getIssueFirstRep().getSeverity()).isEqualTo(OperationOutcome.IssueSeverity.ERROR);
        assertThat(outcome.getIssueFirstRep().getCode().toCode()).isEqualTo(code);
        assertThat(FhirValidation.errors(answer.getBody())).isEmpty();
        assertThat(answer.getBody()).doesNotContain("Exception").doesNotContain("at org.");
    }

    static HttpServer routineStandIn() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", exchange -> {
                ROUTINE_AUTH.set(exchange.getRequestHeaders().getFirst("Authorization"));
                String path = exchange.getRequestURI().getPath();
                int status = ROUTINE_STATUS.get();
                String body = status != 200 ? "{\"title\":\"x\"}" : path.endsWith("/program")
                        ? "{\"patientId\":\"patient-42\",\"clinicId\":\"c\",\"stage\":\"DEEPER\",\"focusRegions\":[\"LOWER_BACK\"],"
                        + "\"proposals\":[],\"updatedBy\":\"dr.lee\",\"updatedAt\":\"2026-11-01T10:00:00Z\",\"version\":2}"
                        : "[{\"id\":\"r-123\",\"patientId\":\"patient-42\",\"clinicId\":\"c\",\"createdAt\":\"2026-11-20T07:00:00Z\","
                        + "\"plan\":{\"budgetSeconds\":600,\"totalSeconds\":580,\"notes\":[],\"items\":["
                        + "{\"order\":1,\"exerciseId\":\"cat-cow\",\"name\":\"Cat-Cow\",\"section\":\"WARM_UP\",\"sets\":1,\"reps\":10,"
                        + "\"holdSeconds\":null,\"secondsPerRep\":3,\"perSide\":false,\"seconds\":30,\"transitionSeconds\":15},"
                        + "{\"order\":2,\"exerciseId\":\"knee-to-chest\",\"name\":\"Knee-to-Chest\",\"section\":\"HOLDS\",\"sets\":2,"
                        + "\"reps\":1,\"holdSeconds\":20,\"secondsPerRep\":null,\"perSide\":true,\"seconds\":80,\"transitionSeconds\":15}]}}]";
                byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(status, bytes.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
