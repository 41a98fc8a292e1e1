package org.backtrack.progress.patients;

import org.backtrack.events.Topics;
import org.backtrack.events.ProgressStatus;
import org.backtrack.progress.assessment.CalendarDays;
import org.backtrack.progress.readmodel.PatientSummaries;
import org.backtrack.progress.readmodel.PatientWindows;
import org.backtrack.progress.readmodel.ReadModelRebuild;
import org.backtrack.testsupport.KafkaTestClient;
import org.backtrack.testsupport.TestHttp;
import org.backtrack.testsupport.TestIssuer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.backtrack.testsupport.TestHttp.nextLink;
import static org.awaitility.Awaitility.await;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;
import static org.backtrack.testsupport.TestDefaults.JSON;

/**
 * Bounded reads of progress-service: the progress series in windows of days with a link to the next (older) one,
 * the clinic overview in pages read from the stored summaries, which the consumer, the rebuild and the read-model
 * check keep honest. Sessions go in through Kafka, as in production.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class ProgressReadsIntegrationTests {

    static final Duration WAIT = Duration.ofSeconds(60);

    @LocalServerPort
    int port;
    @Autowired
    PatientSummaries summaries;
    @Autowired
    PatientWindows windows;
    @Autowired
    ReadModelRebuild rebuild;
    @Autowired
    MongoOperations mongo;

    @Autowired
    KafkaTestClient kafka;
    String clinic;
    RestClient http;
    final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    @BeforeEach
    void setUp() {
        clinic = "clinic-reads-" + UUID.randomUUID().toString().substring(0, 8);
        http = TestHttp.client(port, TestIssuer.clinician(clinic));
    }

    String event(String patientId, String sessionId, Instant completedAt, int painBefore, boolean redFlag) {
        return eventIn(clinic, patientId, sessionId, completedAt, painBefore, redFlag);
    }

    String eventIn(String clinic, String patientId, String sessionId, Instant completedAt, int painBefore, boolean redFlag) {
        return """
                {"specversion":"1.0","id":"%s","source":"/test","type":"backtrack.session.completed.v1",
                 "subject":"%s","time":"%s","data":{"sessionId":"%s","clinicId":"%s","patientId":"%s",
                 "completedAt":"%s","painBefore":%d,"painAfter":%d,"flags":{"numbness":%s}}}"""
                .formatted("e-" + UUID.randomUUID(), patientId, completedAt, sessionId, clinic, patientId, completedAt, painBefore,
                        Math.max(0, painBefore - 1), redFlag);
    }

    void send(String patientId, List<String> events) {
        kafka.sendAll(Topics.SESSIONS, patientId, events);
    }

    /** One session every {@code everyDays} days, the newest {@code newestDaysAgo} days ago, {@code count} in all. */
    List<String> history(String patientId, int count, int everyDays, double newestDaysAgo) {
        List<String> events = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Instant at = now.minus(Duration.ofMinutes((long) (newestDaysAgo * 24 * 60))).minus(Duration.ofDays((long) i * everyDays));
            events.add(event(patientId, patientId + "-s" + i, at, 3 + i % 4, false));
        }
        return events;
    }

    ResponseEntity<JsonNode> get(String pathAndQuery) {
        return http.get().uri(URI.create("http://localhost:" + port + pathAndQuery)).retrieve().toEntity(JsonNode.class);
    }

    JsonNode progress(String patientId) {
        return get("/api/v1/patients/" + patientId + "/progress").getBody();
    }

    void awaitSessions(String patientId, int count) {
        await().atMost(WAIT).ignoreExceptions().untilAsserted(() ->
                assertThat(progress(patientId).get("sessionCount").asInt()).isEqualTo(count));
    }

    // ---- clinic outcomes ----------------------------------------------------------------------------------

    /** One session a day on days 0..{@code lastDay}, day 0 {@code firstDaysAgo} days ago; pain {@code baseline} in week 1, then {@code later}. */
    List<String> outcomeHistory(String clinicId, String patientId, int firstDaysAgo, int lastDay, int baseline, int later) {
        List<String> events = new ArrayList<>();
        for (int day = 0; day <= lastDay; day++) {
            Instant at = now.minus(Duration.ofDays(firstDaysAgo - day));
            events.add(eventIn(clinicId, patientId, patientId + "-o" + day, at, day < 7 ? baseline : later, false));
        }
        return events;
    }

    @Test
    void theClinicsOutcomesCountRespondersAgainstTheMinimalImportantChangeAndOnlyItsOwnPatients() {
        String other = clinic + "-other";
        send("p-resp", outcomeHistory(clinic, "p-resp", 70, 60, 6, 3));  // eligible at 4 and 8 weeks, -3 points: responder
        send("p-flat", outcomeHistory(clinic, "p-flat", 70, 60, 5, 5));  // eligible at both, no change
        send("p-four", outcomeHistory(clinic, "p-four", 40, 30, 8, 7));  // 4 weeks only, -1 of 8: no response
        send("p-short", outcomeHistory(clinic, "p-short", 12, 10, 9, 2)); // 10 days: not eligible
        send("p-else", outcomeHistory(other, "p-else", 70, 60, 9, 1));   // another clinic's responder
        JsonNode body = await().atMost(WAIT).ignoreExceptions().until(
                () -> get("/api/v1/clinics/" + clinic + "/outcomes").getBody(),
                b -> b.get("patientsWithData").asInt() == 4 && b.get("followUps").get(0).get("measured").asInt() == 3
                        && b.get("followUps").get(1).get("measured").asInt() == 2);

        LocalDate today = LocalDate.ofInstant(Instant.now(), ZoneOffset.UTC);
        assertThat(body.get("to").asString()).isEqualTo(today.toString());
        assertThat(body.get("from").asString()).isEqualTo(today.minusDays(179).toString());
        JsonNode four = body.get("followUps").get(0);
        assertThat(four.get("weeks").asInt()).isEqualTo(4);
        assertThat(four.get("eligible").asInt()).isEqualTo(3);
        assertThat(four.get("responders").asInt()).isEqualTo(1);
        assertThat(four.get("responderShare").asDouble()).isEqualTo(0.33);
        assertThat(four.get("medianChangePoints").asDouble()).isEqualTo(-1.0);    // -3, 0, -1
        assertThat(four.get("medianChangePercent").asDouble()).isEqualTo(-12.5);  // -50, 0, -12.5
        assertThat(four.get("medianAdherence").asDouble()).isEqualTo(1.0);
        JsonNode eight = body.get("followUps").get(1);
        assertThat(eight.get("eligible").asInt()).isEqualTo(2);
        assertThat(eight.get("responders").asInt()).isEqualTo(1);
        assertThat(eight.get("responderShare").asDouble()).isEqualTo(0.5);
        assertThat(eight.get("medianChangePoints").asDouble()).isEqualTo(-1.5);

        // the other clinic sees only its own patient
        JsonNode elsewhere = TestHttp.client(port, TestIssuer.clinicAdmin(other)).get().uri("/api/v1/clinics/{c}/outcomes", other)
                .retrieve().body(JsonNode.class);
        assertThat(elsewhere.get("patientsWithData").asInt()).isEqualTo(1);
        assertThat(elsewhere.get("followUps").get(1).get("responders").asInt()).isEqualTo(1);
        // another clinic's outcomes are not found; a patient may not ask; an integration client of the clinic may
        assertThat(get("/api/v1/clinics/" + other + "/outcomes").getStatusCode().value()).isEqualTo(404);
        assertThat(TestHttp.status(TestHttp.client(port, TestIssuer.patient(clinic, "p-resp")), "/api/v1/clinics/{c}/outcomes", clinic))
                .isEqualTo(403);
        assertThat(TestHttp.client(port, TestIssuer.integration(clinic)).get().uri("/api/v1/clinics/{c}/outcomes", clinic)
                .retrieve().body(JsonNode.class)).isEqualTo(body);
        // a window holding only the first 20 days: nobody is eligible
        JsonNode early = get("/api/v1/clinics/" + clinic + "/outcomes?from=" + today.minusDays(70) + "&to=" + today.minusDays(51))
                .getBody();
        assertThat(early.get("patientsWithData").asInt()).isEqualTo(2);
        assertThat(early.get("followUps").get(0).get("eligible").asInt()).isZero();
        assertThat(early.get("followUps").get(0).get("responderShare").isNull()).isTrue();
    }

    /**
     * The time of the outcomes of a clinic of 500 patients with 60 daily sessions each (30,000 stored sessions, written
     * straight to the collection with the fields the read uses): a measurement for docs/benchmarks.md, not a check.
     * Off in CI; run with {@code -Dbacktrack.measure=true}.
     */
    @Test
    @org.junit.jupiter.api.condition.EnabledIfSystemProperty(named = "backtrack.measure", matches = "true")
    void measureTheOutcomesOfAClinicOf500PatientsWith60SessionsEach() {
        List<org.bson.Document> docs = new ArrayList<>();
        for (int p = 0; p < 500; p++) {
            for (int day = 0; day < 60; day++) {
                Instant at = now.minus(Duration.ofDays(65 - day));
                docs.add(new org.bson.Document("_id", clinic + "/m-" + p + "-" + day).append("sessionId", "m-" + p + "-" + day)
                        .append("clinicId", clinic).append("patientId", "m-" + p).append("completedAt", java.util.Date.from(at))
                        .append("session", new org.bson.Document("painBefore", day < 7 ? 6 + p % 4 : 2 + (p + day) % 6)));
            }
        }
        long insertStart = System.nanoTime();
        for (int from = 0; from < docs.size(); from += 1000) {
            mongo.getCollection("sessions").insertMany(docs.subList(from, Math.min(docs.size(), from + 1000)));
        }
        System.out.printf("MEASURE inserted %d sessions in %d ms%n", docs.size(), (System.nanoTime() - insertStart) / 1_000_000);
        for (int i = 0; i < 3; i++) {
            get("/api/v1/clinics/" + clinic + "/outcomes");
        }
        List<Long> millis = new ArrayList<>();
        JsonNode body = null;
        for (int i = 0; i < 10; i++) {
            long start = System.nanoTime();
            body = get("/api/v1/clinics/" + clinic + "/outcomes").getBody();
            millis.add((System.nanoTime() - start) / 1_000_000);
        }
        java.util.Collections.sort(millis);
        System.out.printf("MEASURE outcomes of 500 x 60: min %d ms, median %d ms, max %d ms; answer %s%n", millis.get(0),
                (millis.get(4) + millis.get(5)) / 2, millis.get(9), body);
        assertThat(body.get("patientsWithData").asInt()).isEqualTo(500);
        mongo.getCollection("sessions").deleteMany(new org.bson.Document("clinicId", clinic));
    }

    @ParameterizedTest(name = "{0} -> 400 naming {1}")
    @CsvSource({"from=yesterday,from", "to=2026-13-01,to", "from=2026-11-20&to=2026-11-19,to", "from=2025-01-01&to=2026-01-02,from"})
    void aBadOutcomesWindowIsAProblemDocumentNamingTheParameter(String query, String field) {
        assertThat(TestHttp.problemFields(get("/api/v1/clinics/" + clinic + "/outcomes?" + query), 400)).containsExactly(field);
    }

    /** A clinic of its own, made up for one test: its clinicians see none of the test's patients. */
    static String otherClinic() {
        return "clinic-other-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static List<String> ids(JsonNode array, String field) {
        return array.findValues(field).stream().map(JsonNode::asString).toList();
    }

    // ---- the progress series, windowed ----------------------------------------------------------------------

    @Test
    void theSeriesCoversTheLast180DaysAndTheNextLinksWalkBackThroughTheWholeHistory() {
        String patient = "p-long-" + UUID.randomUUID();
        send(patient, history(patient, 200, 2, 0.5)); // 400 days, one session every second day
        awaitSessions(patient, 200);

        ResponseEntity<JsonNode> first = get("/api/v1/patients/" + patient + "/progress");
        JsonNode body = first.getBody();
        LocalDate today = LocalDate.ofInstant(Instant.now(), ZoneOffset.UTC);
        assertThat(body.get("sessionCount").asInt()).isEqualTo(200);
        assertThat(body.get("seriesTo").asString()).isEqualTo(today.toString());
        assertThat(body.get("seriesFrom").asString()).isEqualTo(today.minusDays(179).toString());
        assertThat(body.get("series").size()).isBetween(89, 91);
        assertThat(body.get("daily").size()).isEqualTo(body.get("series").size());
        assertThat(body.get("daily").get(0).get("date").asString()).isGreaterThanOrEqualTo(body.get("seriesFrom").asString());
        // status, trend and the first session still cover the whole history
        assertThat(body.get("firstSessionAt").asString()).isEqualTo(now.minus(Duration.ofHours(12)).minus(Duration.ofDays(398)).toString());
        assertThat(body.get("trend").get("baselinePain").isNull()).isFalse();
        String next = nextLink(first);
        assertThat(body.get("links").get("next").asString()).isEqualTo(next);
        assertThat(next).isEqualTo("/api/v1/patients/" + patient + "/progress?from=" + today.minusDays(359) + "&to=" + today.minusDays(180));

        List<String> seen = new ArrayList<>(ids(body.get("series"), "sessionId"));
        int windows = 1;
        while (next != null) {
            ResponseEntity<JsonNode> older = get(next);
            assertThat(older.getStatusCode().value()).isEqualTo(200);
            assertThat(older.getBody().get("sessionCount").asInt()).isEqualTo(200);
            seen.addAll(0, ids(older.getBody().get("series"), "sessionId"));
            next = nextLink(older);
            windows++;
        }
        assertThat(windows).isEqualTo(3);
        List<String> expected = new ArrayList<>();
        for (int i = 199; i >= 0; i--) {
            expected.add(patient + "-s" + i);
        }
        assertThat(seen).containsExactlyElementsOf(expected);
    }

    @Test
    void fromAndToChooseTheDays() {
        String patient = "p-window-" + UUID.randomUUID();
        send(patient, history(patient, 30, 1, 1));
        awaitSessions(patient, 30);
        LocalDate today = LocalDate.ofInstant(Instant.now(), ZoneOffset.UTC);

        JsonNode week = get("/api/v1/patients/" + patient + "/progress?from=" + today.minusDays(10) + "&to=" + today.minusDays(4)).getBody();
        assertThat(week.get("series").findValues("completedAt")).extracting(JsonNode::asString)
                .allSatisfy(at -> assertThat(at.substring(0, 10)).isBetween(today.minusDays(10).toString(), today.minusDays(4).toString()))
                .hasSizeBetween(6, 8);
        assertThat(week.get("sessionCount").asInt()).isEqualTo(30);
        assertThat(week.get("links").get("next").asString()).contains("from=" + today.minusDays(17), "to=" + today.minusDays(11));
        // only `to`: the 180 days up to it; a window older than every session: empty, no next
        JsonNode upTo = get("/api/v1/patients/" + patient + "/progress?to=" + today.minusDays(20)).getBody();
        assertThat(upTo.get("seriesFrom").asString()).isEqualTo(today.minusDays(199).toString());
        JsonNode before = get("/api/v1/patients/" + patient + "/progress?from=2020-01-01&to=2020-12-31").getBody();
        assertThat(before.get("series").size()).isZero();
        assertThat(before.get("links").get("next").isNull()).isTrue();
        assertThat(get("/api/v1/patients/" + patient + "/progress?from=2020-01-01&to=2020-12-31").getHeaders().containsHeader("Link")).isFalse();
    }

    @ParameterizedTest(name = "{0} -> 400 naming {1}")
    @CsvSource({"from=yesterday,from", "to=2026-13-01,to", "from=2026-11-20&to=2026-11-19,to", "from=2025-01-01&to=2026-01-02,from",
            "from=2026-11-20T00:00:00Z,from", "to=+10000-01-01,to"})
    void aBadWindowIsAProblemDocumentNamingTheParameter(String query, String field) {
        String patient = "p-bad-" + UUID.randomUUID();
        send(patient, history(patient, 1, 1, 1));
        awaitSessions(patient, 1);
        assertThat(TestHttp.problemFields(get("/api/v1/patients/" + patient + "/progress?" + query), 400)).containsExactly(field);
        // the largest span allowed is served
        assertThat(get("/api/v1/patients/" + patient + "/progress?from=2025-01-01&to=2026-01-01").getStatusCode().value()).isEqualTo(200);
    }

    @Test
    void theOpenApiDocumentDescribesTheWindowsThePagesAndTheirLinkHeader() {
        JsonNode paths = TestHttp.client(port).get().uri("/v3/api-docs").retrieve().body(JsonNode.class).get("paths");
        JsonNode progress = paths.get("/api/v1/patients/{patientId}/progress").get("get");
        assertThat(ids(progress.get("parameters"), "name")).contains("from", "to");
        assertThat(progress.get("responses").get("200").get("headers").has("Link")).isTrue();
        assertThat(progress.get("description").asString()).contains("180 days", "366 days", "links.next");
        JsonNode overview = paths.get("/api/v1/clinics/{clinicId}/patients").get("get");
        assertThat(ids(overview.get("parameters"), "name")).contains("status", "size", "cursor");
        assertThat(overview.get("responses").get("200").get("headers").has("Link")).isTrue();
        assertThat(overview.get("responses").get("200").get("content").findValues("type")).extracting(JsonNode::asString).contains("array");
    }

    @Test
    void theVocabularyGivesTheWordsAndTheAttentionOrderToAnySignedInCaller() {
        JsonNode vocabulary = http.get().uri("/api/v1/vocabulary").retrieve().body(JsonNode.class);
        assertThat(vocabulary.get("statuses").findValuesAsString("status"))
                .containsExactly("RED_FLAG", "WORSENING", "PLATEAU", "INSUFFICIENT_DATA", "IMPROVING", "RECOVERED");
        assertThat(vocabulary.get("statuses").findValues("attentionRank")).extracting(JsonNode::asInt).containsExactly(0, 1, 2, 3, 4, 5);
        assertThat(vocabulary.get("statuses").findValues("needsAttention")).extracting(JsonNode::asBoolean)
                .containsExactly(true, true, true, false, false, false);
        assertThat(vocabulary.get("statuses").get(3).get("label").asString()).isEqualTo("Too early to tell");
        JsonNode deeper = vocabulary.get("actions").get(2);
        assertThat(deeper.get("action").asString()).isEqualTo("PROGRESS_TO_DEEPER_STRETCHES");
        assertThat(deeper.get("movesTo").asString()).isEqualTo("DEEPER");
        assertThat(vocabulary.get("actions").findValuesAsString("label")).contains("Keep going", "See a professional");
        assertThat(vocabulary.get("stages").findValuesAsString("stage")).containsExactly("BASIC", "DEEPER", "STRENGTHENING", "RECOVERY_TOOL");
        assertThat(vocabulary.get("stages").get(1).get("label").asString()).isEqualTo("deeper stretches");
        assertThat(vocabulary.get("alertTypes").findValuesAsString("type")).contains("RED_FLAG_SYMPTOM", "NO_SESSION_14_DAYS");

        for (RestClient caller : List.of(TestHttp.client(port, TestIssuer.platformAdmin()), TestHttp.client(port, TestIssuer.patient(clinic, "p-any")))) {
            assertThat(TestHttp.status(caller, "/api/v1/vocabulary")).isEqualTo(200);
        }
        ResponseEntity<JsonNode> anonymous = TestHttp.client(port).get().uri("/api/v1/vocabulary").retrieve().toEntity(JsonNode.class);
        assertThat(anonymous.getStatusCode().value()).isEqualTo(401);
        JsonNode documented = TestHttp.client(port).get().uri("/v3/api-docs").retrieve().body(JsonNode.class)
                .get("paths").get("/api/v1/vocabulary").get("get");
        assertThat(documented.get("x-backtrack-roles")).isNotEmpty();
        // the documented example is the answer itself, so a stage or a mapping changed in events shows there too
        JsonNode example = documented.at("/responses/200/content/application~1json/examples/current/value");
        assertThat(example.get("stages")).isEqualTo(vocabulary.get("stages"));
        assertThat(example.get("actions").findValuesAsString("action")).isEqualTo(vocabulary.get("actions").findValuesAsString("action"));
        assertThat(example.get("actions").get(2).get("movesTo").asString()).isEqualTo(vocabulary.get("actions").get(2).get("movesTo").asString());
    }

    // ---- the overview, paged from stored summaries -------------------------------------------------------------

    @Test
    void theOverviewPagesInAttentionOrderAndAPatientAddedBetweenPagesShiftsNothing() {
        // a red flag, two disengaged patients, four active ones: the order the overview promises
        send("p-red", List.of(event("p-red", "p-red-s1", now.minus(Duration.ofHours(2)), 6, true)));
        for (String p : List.of("p-quiet-b", "p-quiet-a")) {
            send(p, List.of(event(p, p + "-s1", now.minus(Duration.ofDays(5)), 4, false)));
        }
        for (String p : List.of("p-active-d", "p-active-a", "p-active-c", "p-active-b")) {
            send(p, List.of(event(p, p + "-s1", now.minus(Duration.ofHours(3)), 4, false)));
        }
        List<String> expected = List.of("p-red", "p-quiet-a", "p-quiet-b", "p-active-a", "p-active-b", "p-active-c", "p-active-d");
        await().atMost(WAIT).untilAsserted(() -> assertThat(ids(get("/api/v1/clinics/" + clinic + "/patients").getBody(), "patientId"))
                .containsExactlyElementsOf(expected));

        ResponseEntity<JsonNode> first = get("/api/v1/clinics/" + clinic + "/patients?size=2");
        List<String> seen = new ArrayList<>(ids(first.getBody(), "patientId"));
        assertThat(first.getBody().get(0).get("status").asString()).isEqualTo("RED_FLAG");
        assertThat(first.getBody().get(1).get("needsAttention").asBoolean()).isTrue();
        assertThat(ids(first.getBody().get(1).get("alerts"), "type")).containsExactly("NO_SESSION_3_DAYS");
        String next = nextLink(first);
        assertThat(next).startsWith("/api/v1/clinics/" + clinic + "/patients?size=2&cursor=");

        // between two pages: a red flag, which sorts before where the next page starts, and two active patients after it
        send("p-red-b", List.of(event("p-red-b", "p-red-b-s1", now.minus(Duration.ofHours(1)), 6, true)));
        send("p-aaa", List.of(event("p-aaa", "p-aaa-s1", now.minus(Duration.ofHours(1)), 4, false)));
        send("p-zzz", List.of(event("p-zzz", "p-zzz-s1", now.minus(Duration.ofHours(1)), 4, false)));
        await().atMost(WAIT).until(() -> get("/api/v1/clinics/" + clinic + "/patients").getBody().size() == 10);
        int pages = 1;
        while (next != null) {
            ResponseEntity<JsonNode> page = get(next);
            assertThat(page.getStatusCode().value()).isEqualTo(200);
            seen.addAll(ids(page.getBody(), "patientId"));
            next = nextLink(page);
            pages++;
        }
        List<String> withLater = new ArrayList<>(expected);
        withLater.add(3, "p-aaa"); // active patients by id: p-aaa sorts first among them
        withLater.add("p-zzz");   // p-red-b belongs on a page already read: a fresh listing shows it
        assertThat(seen).containsExactlyElementsOf(withLater);
        assertThat(pages).isEqualTo(5);
        assertThat(ids(get("/api/v1/clinics/" + clinic + "/patients?size=2").getBody(), "patientId")).containsExactly("p-red", "p-red-b");
        // the status filter pages the same way
        ResponseEntity<JsonNode> flagged = get("/api/v1/clinics/" + clinic + "/patients?status=RED_FLAG&size=1");
        assertThat(ids(flagged.getBody(), "patientId")).containsExactly("p-red");
        assertThat(ids(get(nextLink(flagged)).getBody(), "patientId")).containsExactly("p-red-b");
        assertThat(get("/api/v1/clinics/" + clinic + "/patients?status=RED_FLAG&size=2").getHeaders().containsHeader("Link")).isFalse();

        // the CSV download is the whole overview in one file, in the same order and with the JSON's fields
        JsonNode all = get("/api/v1/clinics/" + clinic + "/patients").getBody();
        var csv = http.get().uri("/api/v1/clinics/{c}/patients.csv", clinic).retrieve().toEntity(String.class);
        assertThat(csv.getStatusCode().value()).isEqualTo(200);
        assertThat(csv.getHeaders().getContentType().toString()).startsWith("text/csv");
        assertThat(csv.getHeaders().containsHeader("Link")).isFalse();
        var rows = csvRows(csv.getBody());
        assertThat(rows).extracting(r -> r.get("patientId")).containsExactlyElementsOf(ids(all, "patientId"));
        for (int i = 0; i < rows.size(); i++) {
            assertThat(rows.get(i).get("status")).isEqualTo(all.get(i).get("status").asString());
            assertThat(rows.get(i).get("sessionCount")).isEqualTo(all.get(i).get("sessionCount").asString());
            assertThat(rows.get(i).get("needsAttention")).isEqualTo(all.get(i).get("needsAttention").asString());
            assertThat(rows.get(i).get("alerts")).isEqualTo(all.get(i).get("alerts").toString());
        }
        var redOnly = http.get().uri("/api/v1/clinics/{c}/patients?status=RED_FLAG", clinic)
                .accept(org.springframework.http.MediaType.parseMediaType("text/csv")).retrieve().toEntity(String.class);
        assertThat(csvRows(redOnly.getBody())).extracting(r -> r.get("patientId")).containsExactly("p-red", "p-red-b");
        // another clinic's overview is not found, as the JSON one
        assertThat(http.get().uri("/api/v1/clinics/{c}/patients.csv", "clinic-elsewhere").retrieve().toEntity(String.class)
                .getStatusCode().value()).isEqualTo(404);
    }

    static List<org.apache.commons.csv.CSVRecord> csvRows(String csv) {
        try {
            return org.apache.commons.csv.CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                    .parse(new java.io.StringReader(csv)).getRecords();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @ParameterizedTest(name = "{0} -> 400 naming {1}")
    @CsvSource({"size=0,size", "size=201,size", "size=x,size", "cursor=bm9wZQ,cursor", "cursor=MS8yMDI2LTExLTIwVDA3OjMxOjAwWi85LzAvcA,cursor",
            "cursor=MS8rMTAwMDAwMDAwMC0xMi0zMVQyMzo1OTo1OVovMC8wL3A,cursor"})
    void badOverviewPagingIsAProblemDocumentNamingTheParameter(String query, String field) {
        assertThat(TestHttp.problemFields(get("/api/v1/clinics/" + clinic + "/patients?" + query), 400)).containsExactly(field);
    }

    @Test
    void theConsumerKeepsTheSummaryCurrentAndTheRebuildAndTheCheckKeepItHonest() {
        String patient = "p-summary-" + UUID.randomUUID();
        String key = clinic + "/" + patient;
        send(patient, history(patient, 20, 1, 1));
        awaitSessions(patient, 20);
        await().atMost(WAIT).untilAsserted(() -> assertThat(summaries.find(clinic, patient)).contains(
                summaries.snapshotOf(windows.find(clinic, patient).orElseThrow(), CalendarDays.UTC)));
        JsonNode row = get("/api/v1/clinics/" + clinic + "/patients").getBody().get(0);
        JsonNode progress = progress(patient);
        assertThat(row.get("status").asString()).isEqualTo(progress.get("status").asString());
        assertThat(row.get("sessionCount").asInt()).isEqualTo(20);
        assertThat(row.get("trend")).isEqualTo(progress.get("trend"));
        assertThat(row.get("adherence")).isEqualTo(progress.get("adherence"));

        // a red flag arrives: the summary follows with the next batch
        send(patient, List.of(event(patient, patient + "-flag", now.minus(Duration.ofMinutes(30)), 7, true)));
        await().atMost(WAIT).untilAsserted(() -> assertThat(summaries.find(clinic, patient).orElseThrow().status())
                .isEqualTo(ProgressStatus.RED_FLAG));
        JsonNode flagged = get("/api/v1/clinics/" + clinic + "/patients").getBody().get(0);
        assertThat(flagged.get("suggestedAction").asString()).isEqualTo("SEE_A_PROFESSIONAL");
        assertThat(flagged.get("currentPain").asInt()).isEqualTo(7);

        // the check finds a summary that no longer matches its patient, and the rebuild repairs it
        RestClient operator = TestHttp.client(port, TestIssuer.platformAdmin());
        await().atMost(WAIT).untilAsserted(() -> assertThat(operator.get().uri("/actuator/readmodels").retrieve()
                .body(JsonNode.class).get("summaryMismatches").valueStream().map(JsonNode::asString)).doesNotContain(key));
        mongo.updateFirst(query(where("_id").is(key)), new Update().set("snapshot.currentPain", 2), "patient_summaries");
        JsonNode report = operator.get().uri("/actuator/readmodels").retrieve().body(JsonNode.class);
        assertThat(report.get("summaryMismatches").valueStream().map(JsonNode::asString)).contains(key);
        assertThat(report.get("summaryMismatchCount").asInt()).isPositive();
        assertThat(report.get("consistent").asBoolean()).isFalse();

        mongo.remove(query(where("_id").is(key)), "patient_summaries");
        assertThat(get("/api/v1/clinics/" + clinic + "/patients").getBody().size()).isZero();
        rebuild.rebuildAll();
        assertThat(summaries.find(clinic, patient)).contains(summaries.snapshotOf(windows.find(clinic, patient).orElseThrow(), CalendarDays.UTC));
        assertThat(ids(get("/api/v1/clinics/" + clinic + "/patients").getBody(), "patientId")).containsExactly(patient);
        assertThat(operator.get().uri("/actuator/readmodels").retrieve().body(JsonNode.class).get("summaryMismatches")
                .valueStream().map(JsonNode::asString)).doesNotContain(key);
    }

    @Test
    void dataFromBeforeTheSummariesGetsThemOnTheNextStart(@Autowired org.backtrack.progress.readmodel.StoredDataUpgrade upgrade) {
        String patient = "p-upgrade-" + UUID.randomUUID();
        send(patient, history(patient, 3, 1, 1));
        awaitSessions(patient, 3);
        await().atMost(WAIT).until(() -> summaries.find(clinic, patient).isPresent());
        // a data directory of read-model version 2 had windows but no summaries
        mongo.dropCollection("patient_summaries");
        mongo.updateFirst(query(where("_id").is("progress")), new Update().set("version", 2), "read_model_schema");

        upgrade.afterSingletonsInstantiated(); // what the next start runs before the consumer starts

        assertThat(summaries.find(clinic, patient)).isPresent();
        assertThat(ids(get("/api/v1/clinics/" + clinic + "/patients").getBody(), "patientId")).containsExactly(patient);
    }

    // ---- the clinic's days (issue 21 item 4) -----------------------------------------------------------------

    JsonNode readModelReport() {
        return TestHttp.client(port, TestIssuer.platformAdmin()).get().uri("/actuator/readmodels").retrieve().body(JsonNode.class);
    }

    void assertConsistent(String key) {
        JsonNode report = readModelReport();
        for (String kind : List.of("windowMismatches", "publicationMismatches", "summaryMismatches")) {
            assertThat(report.get(kind).valueStream().map(JsonNode::asString)).as(kind).doesNotContain(key);
        }
    }

    int patientsWithDataBetween(String from, String to) {
        return get("/api/v1/clinics/" + clinic + "/outcomes?from=" + from + "&to=" + to).getBody().get("patientsWithData").asInt();
    }

    @Test
    void everyDayIsADayOfTheClinicsTimeZoneAndAZoneChangeRecountsWhatIsStored() {
        RestClient admin = TestHttp.client(port, TestIssuer.clinicAdmin(clinic));
        assertThat(admin.put().uri("/api/v1/clinics/{c}/settings", clinic).contentType(MediaType.APPLICATION_JSON)
                .body("{\"timeZone\":\"America/New_York\"}").retrieve().toBodilessEntity().getStatusCode().value()).isEqualTo(200);
        // 15 evenings of 16:30 and 21:00 in New York, across the spring-forward change of 2026-03-08 (a 23-hour day): the
        // 21:00 session is already the next day in UTC (02:00 EST, 01:00 EDT)
        String patient = "p-zone-" + UUID.randomUUID();
        String key = clinic + "/" + patient;
        java.time.ZoneId newYork = java.time.ZoneId.of("America/New_York");
        List<String> events = new ArrayList<>();
        for (int d = 0; d < 15; d++) {
            LocalDate date = LocalDate.parse("2026-03-01").plusDays(d);
            events.add(event(patient, patient + "-" + date + "-a", date.atTime(16, 30).atZone(newYork).toInstant(), 7 - d / 5, false));
            events.add(event(patient, patient + "-" + date + "-b", date.atTime(21, 0).atZone(newYork).toInstant(), 7 - d / 5, false));
        }
        send(patient, events);
        awaitSessions(patient, 30);

        // the daily series: one point per New York evening, two sessions each
        String days = "/api/v1/patients/" + patient + "/progress?from=2026-02-25&to=2026-03-20";
        JsonNode daily = get(days).getBody().get("daily");
        assertThat(daily.size()).isEqualTo(15);
        assertThat(daily.get(0).get("date").asString()).isEqualTo("2026-03-01");
        assertThat(daily.get(7).get("date").asString()).isEqualTo("2026-03-08");
        assertThat(daily.get(14).get("date").asString()).isEqualTo("2026-03-15");
        daily.forEach(day -> assertThat(day.get("sessions").asInt()).isEqualTo(2));
        // the stored summary the overview reads: counted in New York days at ingestion, and says so
        await().atMost(WAIT).untilAsserted(() -> assertThat(summaries.find(clinic, patient).orElseThrow().assessment().trend().trendDays())
                .isEqualTo(15));
        assertThat(summaries.find(clinic, patient).orElseThrow().timeZone()).isEqualTo("America/New_York");
        assertThat(get("/api/v1/clinics/" + clinic + "/patients").getBody().get(0).get("trend").get("trendDays").asInt()).isEqualTo(15);
        // outcomes over New York days: nothing after 03-15 (the last session is 01:00 UTC on 03-16)
        assertThat(patientsWithDataBetween("2026-03-16", "2026-03-20")).isZero();
        assertConsistent(key);

        // the administrator moves the clinic to UTC: what is stored is recounted before the answer, reads follow at once
        assertThat(admin.put().uri("/api/v1/clinics/{c}/settings", clinic).contentType(MediaType.APPLICATION_JSON)
                .body("{\"timeZone\":\"UTC\"}").retrieve().toBodilessEntity().getStatusCode().value()).isEqualTo(200);
        assertThat(summaries.find(clinic, patient).orElseThrow().timeZone()).isEqualTo("UTC");
        assertThat(summaries.find(clinic, patient).orElseThrow().assessment().trend().trendDays()).isEqualTo(16);
        assertThat(summaries.find(clinic, patient)).contains(summaries.snapshotOf(windows.find(clinic, patient).orElseThrow(),
                CalendarDays.UTC));
        JsonNode utcDaily = get(days).getBody().get("daily");
        assertThat(utcDaily.size()).isEqualTo(16);
        assertThat(utcDaily.get(0).get("sessions").asInt()).isEqualTo(1);
        assertThat(utcDaily.get(15).get("date").asString()).isEqualTo("2026-03-16");
        assertThat(patientsWithDataBetween("2026-03-16", "2026-03-20")).isEqualTo(1);
        assertConsistent(key);

        // a zone stored behind the service's back (no recount) is what the read-model check finds; the same PUT repairs it
        mongo.updateFirst(query(where("_id").is(clinic)), new Update().set("timeZone", "Europe/Berlin"), "clinic_settings");
        assertThat(readModelReport().get("summaryMismatches").valueStream().map(JsonNode::asString)).contains(key);
        admin.put().uri("/api/v1/clinics/{c}/settings", clinic).contentType(MediaType.APPLICATION_JSON)
                .body("{\"timeZone\":\"Europe/Berlin\"}").retrieve().toBodilessEntity();
        assertThat(summaries.find(clinic, patient).orElseThrow().timeZone()).isEqualTo("Europe/Berlin");
        assertConsistent(key);
        // and so does a rebuild, in the zone as set
        rebuild.rebuildAll();
        assertThat(summaries.find(clinic, patient).orElseThrow().timeZone()).isEqualTo("Europe/Berlin");
        assertConsistent(key);
    }

    // ---- monitoring days (issue 21) ---------------------------------------------------------------------------

    @Test
    void monitoringDaysAreCountedInTheClinicsTimeZoneAndOnlyForTheClinic() {
        RestClient admin = TestHttp.client(port, TestIssuer.clinicAdmin(clinic));
        assertThat(get("/api/v1/clinics/" + clinic + "/settings").getBody().get("timeZone").asString()).isEqualTo("UTC");
        // only a clinic administrator of that clinic sets it, and only to an IANA region id
        assertThat(http.put().uri("/api/v1/clinics/{c}/settings", clinic).contentType(MediaType.APPLICATION_JSON)
                .body("{\"timeZone\":\"America/New_York\"}").retrieve().toBodilessEntity().getStatusCode().value()).isEqualTo(403);
        assertThat(TestHttp.client(port, TestIssuer.clinicAdmin(otherClinic()))
                .put().uri("/api/v1/clinics/{c}/settings", clinic).contentType(MediaType.APPLICATION_JSON)
                .body("{\"timeZone\":\"America/New_York\"}").retrieve().toBodilessEntity().getStatusCode().value()).isEqualTo(404);
        for (String refused : List.of("{\"timeZone\":\"+02:00\"}", "{\"timeZone\":\"Mars/Olympus\"}", "{}", "{\"timeZone\":\"UTC+2\"}")) {
            ResponseEntity<JsonNode> bad = admin.put().uri("/api/v1/clinics/{c}/settings", clinic).contentType(MediaType.APPLICATION_JSON)
                    .body(refused).retrieve().toEntity(JsonNode.class);
            assertThat(bad.getStatusCode().value()).as(refused).isEqualTo(400);
            assertThat(bad.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
            assertThat(ids(bad.getBody().get("errors"), "field")).containsExactly("timeZone");
        }
        ResponseEntity<JsonNode> set = admin.put().uri("/api/v1/clinics/{c}/settings", clinic).contentType(MediaType.APPLICATION_JSON)
                .body("{\"timeZone\":\"America/New_York\"}").retrieve().toEntity(JsonNode.class);
        assertThat(set.getStatusCode().value()).isEqualTo(200);
        assertThat(get("/api/v1/clinics/" + clinic + "/settings").getBody().get("timeZone").asString()).isEqualTo("America/New_York");

        // an evening session in New York (20:30 EST, 01:30 UTC the next day) starts the monitoring on its local day;
        // one session a day after it, across the daylight-saving change of 2026-03-08: 16 local days, 15 UTC days
        String patient = "p-monitor-" + UUID.randomUUID();
        List<String> events = new ArrayList<>();
        events.add(event(patient, patient + "-evening", Instant.parse("2026-03-02T01:30:00Z"), 4, false));
        for (int day = 2; day <= 16; day++) {
            events.add(event(patient, patient + "-d" + day, Instant.parse("2026-03-%02dT15:00:00Z".formatted(day)), 4, false));
        }
        String few = "p-monitor-few-" + UUID.randomUUID();
        events.add(event(few, few + "-s", Instant.parse("2026-03-05T15:00:00Z"), 4, false));
        send(patient, events);
        awaitSessions(patient, 16);
        awaitSessions(few, 1);

        JsonNode mine = get("/api/v1/patients/" + patient + "/monitoring?period=2026-03-10").getBody();
        assertThat(mine.get("monitoringStart").asString()).isEqualTo("2026-03-01");
        assertThat(mine.get("timeZone").asString()).isEqualTo("America/New_York");
        JsonNode period = mine.get("period");
        assertThat(period.get("periodStart").asString()).isEqualTo("2026-03-01");
        assertThat(period.get("periodEnd").asString()).isEqualTo("2026-03-30");
        assertThat(period.get("days").asInt()).isEqualTo(16);
        assertThat(period.get("reached16").asBoolean()).isTrue();
        assertThat(period.get("reached16On").asString()).isEqualTo("2026-03-16");
        assertThat(period.get("qualifyingDays").get(0).get("date").asString()).isEqualTo("2026-03-01");
        assertThat(period.get("qualifyingDays").get(0).get("sessionId").asString()).isEqualTo(patient + "-evening");
        assertThat(period.get("qualifyingDays").get(1).get("sessionId").asString()).isEqualTo(patient + "-d2");
        // the period after it holds nothing yet, and lists this one among the earlier ones
        JsonNode next = get("/api/v1/patients/" + patient + "/monitoring?period=2026-03-31").getBody();
        assertThat(next.get("period").get("days").asInt()).isZero();
        assertThat(next.get("earlierPeriods").get(0).get("days").asInt()).isEqualTo(16);

        ResponseEntity<JsonNode> list = get("/api/v1/clinics/" + clinic + "/monitoring?period=2026-03-10");
        assertThat(list.getStatusCode().value()).isEqualTo(200);
        List<JsonNode> rows = new ArrayList<>();
        list.getBody().forEach(rows::add);
        assertThat(rows).extracting(r -> r.get("patientId").asString()).containsExactly(few, patient); // lost before reached
        assertThat(rows.get(0).get("standing").asString()).isEqualTo("LOST");
        assertThat(rows.get(0).get("lostOn").asString()).isEqualTo("2026-03-20"); // start 03-05: 1 day + 14 after 03-20 < 16
        assertThat(rows.get(1).get("days").asInt()).isEqualTo(16);
        ResponseEntity<JsonNode> paged = get("/api/v1/clinics/" + clinic + "/monitoring?period=2026-03-10&size=1");
        assertThat(paged.getBody().get(0).get("patientId").asString()).isEqualTo(few);
        assertThat(get(nextLink(paged)).getBody().get(0).get("patientId").asString()).isEqualTo(patient);

        // the 16th day was published once on backtrack.progress, and stays once after a redelivery of every session
        String reachedType = "backtrack.progress.monitoring-days-reached.v1";
        kafka.readUntil(Topics.PROGRESS, r -> patient.equals(r.key()) && r.value().contains(reachedType), WAIT);
        send(patient, events);
        awaitSessions(patient, 16);
        List<JsonNode> reached = kafka.readAll(Topics.PROGRESS, Duration.ofSeconds(3)).stream()
                .filter(r -> patient.equals(r.key()) && r.value().contains(reachedType))
                .map(r -> JSON.readTree(r.value())).toList();
        assertThat(reached).hasSize(1);
        JsonNode data = reached.get(0).get("data");
        assertThat(data.get("clinicId").asString()).isEqualTo(clinic);
        assertThat(data.get("periodStart").asString()).isEqualTo("2026-03-01");
        assertThat(data.get("periodEnd").asString()).isEqualTo("2026-03-30");
        assertThat(data.get("reachedOn").asString()).isEqualTo("2026-03-16");
        assertThat(data.get("days").asInt()).isEqualTo(16);
        assertThat(data.get("sessionIds").get(0).asString()).isEqualTo(patient + "-evening");
        assertThat(kafka.readAll(Topics.PROGRESS, Duration.ofMillis(500)).stream()
                .filter(r -> few.equals(r.key()) && r.value().contains(reachedType))).isEmpty();

        // in UTC the evening session falls on the next day: 15 days
        admin.put().uri("/api/v1/clinics/{c}/settings", clinic).contentType(MediaType.APPLICATION_JSON)
                .body("{\"timeZone\":\"UTC\"}").retrieve().toBodilessEntity();
        assertThat(get("/api/v1/patients/" + patient + "/monitoring?period=2026-03-10").getBody().get("period").get("days").asInt())
                .isEqualTo(15);

        // another clinic sees nothing
        String other = otherClinic();
        RestClient outsider = TestHttp.client(port, TestIssuer.clinician(other));
        assertThat(TestHttp.status(outsider, "/api/v1/clinics/{c}/monitoring", clinic)).isEqualTo(404);
        assertThat(TestHttp.status(outsider, "/api/v1/patients/{p}/monitoring", patient)).isEqualTo(404);
        assertThat(TestHttp.status(outsider, "/api/v1/clinics/{c}/settings", clinic)).isEqualTo(404);
        assertThat(outsider.get().uri("/api/v1/clinics/{c}/monitoring", other).retrieve().body(JsonNode.class)).isEmpty();

        for (String query : List.of("period=yesterday", "period=2026-02-30", "period=1999-12-31", "period=2026-02-01")) {
            ResponseEntity<JsonNode> bad = get("/api/v1/patients/" + patient + "/monitoring?" + query);
            assertThat(bad.getStatusCode().value()).as(query).isEqualTo(400);
            assertThat(ids(bad.getBody().get("errors"), "field")).containsExactly("period");
        }
        assertThat(ids(get("/api/v1/clinics/" + clinic + "/monitoring?cursor=bm9wZQ").getBody().get("errors"), "field"))
                .containsExactly("cursor");
    }

    // ---- program history from backtrack.programs (issue 21) -----------------------------------------------------

    static String programEvent(String source, String clinicId, String patientId, String subject, long version, String stage,
                               String monitoringStart, Instant changedAt) {
        return """
                {"specversion":"1.0","id":"%s","source":"%s","type":"backtrack.program.changed.v1","subject":"%s",
                 "time":"%s","datacontenttype":"application/json",
                 "data":{"clinicId":"%s","patientId":"%s","stage":"%s","focusRegions":["LOWER_BACK"],"proposals":[],
                         "changedBy":"dr-lee","changedAt":"%s","version":%d%s}}"""
                .formatted("pe-" + UUID.randomUUID(), source, subject, changedAt, clinicId, patientId, stage, changedAt, version,
                        monitoringStart == null ? "" : ",\"monitoringStart\":\"" + monitoringStart + "\"");
    }

    @Test
    void theProgramsMonitoringStartCountsThePeriodsOnlyNewerVersionsApplyAndForeignProgramEventsAreDeadLettered() {
        String patient = "p-program-" + UUID.randomUUID();
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        // sessions on the 10 days before today; without a program the periods start on the first session's day
        List<String> events = new ArrayList<>();
        for (int day = 10; day >= 1; day--) {
            events.add(event(patient, patient + "-d" + day, now.minus(Duration.ofDays(day)), 4, false));
        }
        send(patient, events);
        awaitSessions(patient, 10);
        JsonNode before = get("/api/v1/patients/" + patient + "/monitoring").getBody();
        assertThat(before.get("startSource").asString()).isEqualTo("FIRST_SESSION");

        // routine-service's program, version 2 with a start 5 days ago; then version 1 arrives late with another start
        String start = today.minusDays(5).toString();
        kafka.send(Topics.PROGRAMS, patient, programEvent("/routine-service", clinic, patient, patient, 2, "DEEPER", start, now));
        kafka.send(Topics.PROGRAMS, patient, programEvent("/routine-service", clinic, patient, patient, 1, "BASIC",
                today.minusDays(20).toString(), now.minus(Duration.ofDays(3))));
        // records claiming this clinic's patient that do not come from routine-service for that patient: dead letters
        String forged = programEvent("/integration/clinic-evil", clinic, patient, patient, 9, "STRENGTHENING", today.toString(), now);
        String otherKey = programEvent("/routine-service", clinic, patient, patient, 10, "STRENGTHENING", today.toString(), now);
        kafka.send(Topics.PROGRAMS, patient, forged);
        kafka.send(Topics.PROGRAMS, "someone-else", otherKey);
        kafka.send(Topics.PROGRAMS, patient, "{not json");
        // the latest version of this patient (also v3, to see the late v1 was not applied after v2)
        kafka.send(Topics.PROGRAMS, patient, programEvent("/routine-service", clinic, patient, patient, 3, "DEEPER", start, now));

        JsonNode mine = await().atMost(WAIT).ignoreExceptions().until(() -> get("/api/v1/patients/" + patient + "/monitoring").getBody(),
                b -> "PROGRAM".equals(b.get("startSource").asString()));
        assertThat(mine.get("monitoringStart").asString()).isEqualTo(start);
        assertThat(mine.get("period").get("periodStart").asString()).isEqualTo(start);
        assertThat(mine.get("period").get("days").asInt()).isEqualTo(5); // the 5 days from the start on; the earlier ones count nowhere
        // the records go to two partitions (two keys): read until all three dead letters are in, in whatever order
        java.util.Set<String> awaited = new java.util.HashSet<>(List.of(forged, otherKey, "{not json"));
        var dead = kafka.readUntil(Topics.PROGRAMS_DLT, r -> awaited.remove(r.value()) && awaited.isEmpty(), WAIT);
        assertThat(dead).anySatisfy(r -> {
            assertThat(r.value()).isEqualTo(forged);
            assertThat(r.headers().get(org.backtrack.events.DeadLetterContent.REASON_HEADER)).contains("source");
        });
        assertThat(dead).anySatisfy(r -> {
            assertThat(r.value()).isEqualTo(otherKey);
            assertThat(r.headers().get(org.backtrack.events.DeadLetterContent.REASON_HEADER)).contains("key");
        });
        assertThat(mine.get("monitoringStart").asString()).isEqualTo(start); // neither the late v1 nor the forged v9 applied
        assertThat(get("/api/v1/patients/" + patient + "/monitoring").getBody().get("monitoringStart").asString()).isEqualTo(start);

        // a patient with a program start and no session yet is listed (0 days) in the clinic's list
        String fresh = "p-program-fresh-" + UUID.randomUUID();
        kafka.send(Topics.PROGRAMS, fresh, programEvent("/routine-service", clinic, fresh, fresh, 1, "BASIC", today.toString(), now));
        JsonNode rows = await().atMost(WAIT).ignoreExceptions().until(() -> get("/api/v1/clinics/" + clinic + "/monitoring").getBody(),
                b -> b.toString().contains(fresh));
        List<JsonNode> listed = new ArrayList<>();
        rows.forEach(listed::add);
        assertThat(listed).filteredOn(r -> fresh.equals(r.get("patientId").asString())).singleElement()
                .satisfies(r -> assertThat(r.get("days").asInt()).isZero());

        // another clinic's token: the same patient id is unknown there, the program changes nothing for it
        String other = otherClinic();
        RestClient outsider = TestHttp.client(port, TestIssuer.clinician(other));
        assertThat(TestHttp.status(outsider, "/api/v1/patients/{p}/monitoring", patient)).isEqualTo(404);
        assertThat(TestHttp.status(outsider, "/api/v1/patients/{p}/monitoring", fresh)).isEqualTo(404);
    }

    static String programIn(String clinicId, String patientId, long version, String stage, String focus, Instant changedAt) {
        return programEvent("/routine-service", clinicId, patientId, patientId, version, stage, null, changedAt)
                .replace("[\"LOWER_BACK\"]", focus);
    }

    @Test
    void theOutcomesBreakDownByStartingStageAndProgramAndCountPlateausThatImprovedAfterAStageChange() {
        String clinicId = "clinic-outcomes-" + UUID.randomUUID().toString().substring(0, 8);
        Instant day0 = now.minus(Duration.ofDays(70));
        // p-plat: flat 5 for 26 days on BASIC (a plateau), moved to DEEPER on day 25, then 3
        List<String> plat = new ArrayList<>();
        for (int day = 0; day <= 60; day++) {
            plat.add(eventIn(clinicId, "p-plat", "p-plat-" + day, day0.plus(Duration.ofDays(day)), day <= 25 ? 5 : 3, false));
        }
        kafka.send(Topics.PROGRAMS, "p-plat", programIn(clinicId, "p-plat", 1, "BASIC", "[\"LOWER_BACK\"]", day0.minus(Duration.ofDays(1))));
        kafka.send(Topics.PROGRAMS, "p-plat", programIn(clinicId, "p-plat", 2, "DEEPER", "[\"LOWER_BACK\"]",
                day0.plus(Duration.ofDays(25)).plus(Duration.ofHours(1))));
        // p-deep: started on DEEPER, 6 then 3: a responder; p-none: no program, no change
        kafka.send(Topics.PROGRAMS, "p-deep", programIn(clinicId, "p-deep", 1, "DEEPER", "[\"LOWER_BACK\"]", day0.minus(Duration.ofDays(1))));
        send("p-deep", outcomeHistory(clinicId, "p-deep", 70, 60, 6, 3));
        send("p-none", outcomeHistory(clinicId, "p-none", 70, 60, 5, 5));
        send("p-plat", plat);
        RestClient staff = TestHttp.client(port, TestIssuer.clinician(clinicId));
        JsonNode body = await().atMost(WAIT).ignoreExceptions().until(
                () -> staff.get().uri("/api/v1/clinics/{c}/outcomes", clinicId).retrieve().body(JsonNode.class),
                b -> b.get("patientsWithData").asInt() == 3 && b.get("followUps").get(1).get("measured").asInt() == 3
                        && b.get("plateausAfterStageChange").get("plateausWithStageChange").asInt() == 1
                        && b.get("byStartingStage").size() == 2);
        assertThat(body.get("timeZone").asString()).isEqualTo("UTC");
        JsonNode stages = body.get("byStartingStage");
        assertThat(stages.get(0).get("key").asString()).isEqualTo("BASIC");
        assertThat(stages.get(0).get("patientsWithData").asInt()).isEqualTo(2);
        assertThat(stages.get(1).get("key").asString()).isEqualTo("DEEPER");
        assertThat(stages.get(1).get("followUps").get(1).get("responders").asInt()).isEqualTo(1);
        JsonNode programsOf = body.get("byProgram");
        assertThat(programsOf.get(0).get("key").asString()).isEqualTo("LOWER_BACK");
        assertThat(programsOf.get(0).get("patientsWithData").asInt()).isEqualTo(2);
        assertThat(programsOf.get(1).get("key").asString()).isEqualTo("NO_PROGRAM");
        JsonNode plateaus = body.get("plateausAfterStageChange");
        assertThat(plateaus.get("weeks").asInt()).isEqualTo(4);
        assertThat(plateaus.get("measured").asInt()).isEqualTo(1);
        assertThat(plateaus.get("improved").asInt()).isEqualTo(1);
        assertThat(plateaus.get("improvedShare").asDouble()).isEqualTo(1.0);

        // the same as CSV, and the monitoring list: rows as the JSON, formula-safe text, attachments
        var csv = staff.get().uri("/api/v1/clinics/{c}/outcomes.csv", clinicId).retrieve().toEntity(String.class);
        assertThat(csv.getStatusCode().value()).isEqualTo(200);
        assertThat(csv.getHeaders().getContentType().toString()).startsWith("text/csv");
        assertThat(csv.getHeaders().getContentDisposition().getFilename()).isEqualTo("outcomes-" + clinicId + ".csv");
        List<String> lines = csv.getBody().lines().toList();
        assertThat(lines.get(0)).startsWith("clinicId,timeZone,from,to,breakdown,key,patientsWithData,weeks,eligible,measured,responders");
        assertThat(lines).hasSize(1 + 2 * (1 + 2 + 2)); // header; per follow-up: clinic, 2 stages, 2 programs
        assertThat(lines.get(1)).contains(",CLINIC," + clinicId + ",3,4,").endsWith(",1,1,1,1.0");
        assertThat(lines).anySatisfy(l -> assertThat(l).contains(",STARTING_STAGE,DEEPER,1,8,1,1,1,1.0,"));
        assertThat(lines).anySatisfy(l -> assertThat(l).contains(",PROGRAM,NO_PROGRAM,1,4,"));
        var asAccept = staff.get().uri("/api/v1/clinics/{c}/outcomes", clinicId).accept(MediaType.parseMediaType("text/csv"))
                .retrieve().body(String.class);
        assertThat(asAccept).isEqualTo(csv.getBody());
        var monitoringCsv = staff.get().uri("/api/v1/clinics/{c}/monitoring.csv?period=current", clinicId).retrieve().toEntity(String.class);
        assertThat(monitoringCsv.getStatusCode().value()).isEqualTo(200);
        List<String> monitoringLines = monitoringCsv.getBody().lines().toList();
        assertThat(monitoringLines.get(0)).isEqualTo("patientId,periodStart,periodEnd,days,reached2,reached16,daysLeft,daysNeeded,lostOn,standing");
        JsonNode monitoringJson = staff.get().uri("/api/v1/clinics/{c}/monitoring?period=current", clinicId).retrieve().body(JsonNode.class);
        assertThat(monitoringLines).hasSize(1 + monitoringJson.size());
        for (int i = 0; i < monitoringJson.size(); i++) {
            assertThat(monitoringLines.get(i + 1)).startsWith(monitoringJson.get(i).get("patientId").asString() + ","
                    + monitoringJson.get(i).get("periodStart").asString() + ",");
        }
        assertThat(staff.get().uri("/api/v1/clinics/{c}/outcomes.csv?from=2026-02-30", clinicId).retrieve().toEntity(String.class)
                .getStatusCode().value()).isEqualTo(400);

        // another clinic's token: 404 (JSON and CSV); its own outcomes hold none of these patients
        String other = clinicId + "-x";
        RestClient outsider = TestHttp.client(port, TestIssuer.clinician(other));
        assertThat(TestHttp.status(outsider, "/api/v1/clinics/{c}/outcomes", clinicId)).isEqualTo(404);
        for (String csvPath : List.of("/api/v1/clinics/{c}/outcomes.csv", "/api/v1/clinics/{c}/monitoring.csv")) {
            assertThat(TestHttp.status(outsider, csvPath, clinicId)).as(csvPath).isEqualTo(404);
            assertThat(TestHttp.status(TestHttp.client(port, TestIssuer.patient(clinicId, "p-plat")), csvPath, clinicId)).as(csvPath)
                    .isEqualTo(403);
        }
        assertThat(outsider.get().uri("/api/v1/clinics/{c}/outcomes", other).retrieve().body(JsonNode.class)
                .get("plateausAfterStageChange").get("plateausWithStageChange").asInt()).isZero();
    }
}
