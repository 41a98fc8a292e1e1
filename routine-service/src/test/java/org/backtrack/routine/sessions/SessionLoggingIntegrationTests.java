package org.backtrack.routine.sessions;

import org.backtrack.testsupport.TestHttp;
import org.backtrack.testsupport.TestIssuer;
import org.backtrack.testsupport.ClinicianApiTests;
import org.backtrack.events.CloudEvent;
import org.backtrack.events.SessionCompleted;
import org.backtrack.events.SessionEventCodec;
import org.backtrack.events.Topics;
import org.backtrack.testsupport.KafkaTestClient;
import org.backtrack.testsupport.KafkaTestClient.ReceivedRecord;
import org.junit.jupiter.api.Test;
import org.backtrack.outbox.Publication;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.backtrack.testsupport.TestHttp.nextLink;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;
import static org.backtrack.testsupport.TestDefaults.WAIT;
import static org.backtrack.testsupport.TestDefaults.JSON;

/** Sessions logged over HTTP reach {@code backtrack.sessions} as contract-true CloudEvents, exactly once each. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class SessionLoggingIntegrationTests extends ClinicianApiTests {

    @Autowired
    MongoOperations mongo;
    @Autowired
    KafkaTestClient kafka;
    /** A patient of this test's own. */
    final String patientId = "patient-" + UUID.randomUUID();

    SessionLoggingIntegrationTests() {
        super("clinic-it");
    }

    String session(String sessionId, int painBefore, int painAfter) {
        return session("clinic-it", patientId, sessionId, painBefore, painAfter);
    }

    static String session(String clinicId, String patientId, String sessionId, int painBefore, int painAfter) {
        return """
                {"sessionId":"%s","clinicId":"%s","patientId":"%s","routineId":"r-1",
                 "completedAt":"2026-11-20T07:31:00Z","durationSeconds":620,"painBefore":%d,"painAfter":%d,
                 "exercises":[{"exerciseId":"cat-cow","completed":true,"holdSeconds":60}],
                 "flags":{"sharpPain":false,"radiatingPain":false,"numbness":false,"nightPain":false}}"""
                .formatted(sessionId, clinicId, patientId, painBefore, painAfter);
    }

    static ResponseEntity<JsonNode> post(RestClient client, String body) {
        return client.post().uri("/api/v1/sessions").contentType(MediaType.APPLICATION_JSON).body(body)
                .retrieve().toEntity(JsonNode.class);
    }

    static ResponseEntity<JsonNode> sessionsOf(RestClient client, String patientId) {
        return client.get().uri("/api/v1/patients/{id}/sessions", patientId).retrieve().toEntity(JsonNode.class);
    }

    ResponseEntity<JsonNode> post(String body) {
        return post(http, body);
    }

    /** Events of this test's patient, read up to a marker session logged last. */
    List<CloudEvent<SessionCompleted>> publishedEvents() {
        String marker = patientId + "-marker";
        assertThat(post(session(marker, 1, 1)).getStatusCode().value()).isEqualTo(201);
        List<ReceivedRecord> records = kafka.readUntil(Topics.SESSIONS,
                r -> r.value() != null && r.value().contains(marker), WAIT);
        var codec = new SessionEventCodec();
        return records.stream()
                .filter(r -> patientId.equals(r.key()))
                .map(r -> codec.decode(r.value().getBytes(StandardCharsets.UTF_8)))
                .filter(e -> !e.data().sessionId().equals(marker))
                .toList();
    }

    @Test
    void aLoggedSessionIsPublishedAsACloudEventKeyedByPatient() {
        ResponseEntity<JsonNode> response = post(session(patientId + "-s1", 6, 4));

        assertThat(response.getStatusCode().value()).isEqualTo(201);
        assertThat(response.getBody().get("publication").asString()).isEqualTo("PUBLISHED");
        List<CloudEvent<SessionCompleted>> events = publishedEvents();
        assertThat(events).hasSize(1);
        CloudEvent<SessionCompleted> event = events.get(0);
        assertThat(event.id()).isEqualTo(response.getBody().get("eventId").asString());
        assertThat(event.specversion()).isEqualTo("1.0");
        assertThat(event.type()).isEqualTo("backtrack.session.completed.v1");
        assertThat(event.source()).isEqualTo("/routine-service");
        assertThat(event.subject()).isEqualTo(patientId);
        assertThat(event.data().painBefore()).isEqualTo(6);
        assertThat(event.data().exercises()).hasSize(1);
    }

    /** An outside consumer using the official CloudEvents SDK reads the record as structured mode and decodes it. */
    @Test
    void theOfficialCloudEventsSdkReadsAPublishedSession() {
        ResponseEntity<JsonNode> response = post(session(patientId + "-sdk", 6, 4));
        assertThat(response.getStatusCode().value()).isEqualTo(201);

        List<io.cloudevents.CloudEvent> read = kafka.readWithCloudEventsSdk(Topics.SESSIONS, patientId, 1, WAIT);
        assertThat(read).hasSize(1);
        io.cloudevents.CloudEvent event = read.get(0);
        assertThat(event.getId()).isEqualTo(response.getBody().get("eventId").asString());
        assertThat(event.getSpecVersion().toString()).isEqualTo("1.0");
        assertThat(event.getType()).isEqualTo(SessionCompleted.TYPE);
        assertThat(event.getSource().toString()).isEqualTo("/routine-service");
        assertThat(event.getSubject()).isEqualTo(patientId);
        assertThat(event.getDataContentType()).isEqualTo(CloudEvent.JSON_CONTENT_TYPE);
        JsonNode data = JSON.readTree(event.getData().toBytes());
        assertThat(data.get("sessionId").asString()).isEqualTo(patientId + "-sdk");
        assertThat(data.get("painAfter").asInt()).isEqualTo(4);
    }

    /**
     * Sessions stored by routine-service's own outbox, before it moved onto the shared one, keep their owed events: the
     * fields were the same, so the shared relay finds and delivers them with the ids they were stored with.
     */
    @Test
    void eventsOwedBySessionsStoredBeforeTheSharedOutboxAreRelayed() {
        Instant at = Instant.now().minusSeconds(600);
        LoggedSession pending = storedBeforeTheSharedOutbox(patientId + "-owed", at);
        LoggedSession claimedByADeadSender = storedBeforeTheSharedOutbox(patientId + "-claimed", at.plusSeconds(1));
        mongo.insert(pending);
        mongo.insert(claimedByADeadSender);
        mongo.updateFirst(query(where("_id").is(claimedByADeadSender.key())), new Update()
                .set("publication", "PUBLISHING").set("claimedAt", Instant.now().minus(SessionEvents.STALE_CLAIM.multipliedBy(2))),
                LoggedSession.class);

        List<ReceivedRecord> records = kafka.readUntil(Topics.SESSIONS,
                r -> r.value() != null && r.value().contains(claimedByADeadSender.eventId()), WAIT);

        assertThat(records).filteredOn(r -> patientId.equals(r.key()))
                .extracting(r -> new SessionEventCodec().decode(r.value().getBytes(StandardCharsets.UTF_8)).id())
                .containsExactly(pending.eventId(), claimedByADeadSender.eventId());
        assertThat(mongo.findById(pending.key(), LoggedSession.class).publication()).isEqualTo(Publication.PUBLISHED);
    }

    /** A session as the earlier outbox of routine-service stored it: its event owed (PENDING) in the same document. */
    private LoggedSession storedBeforeTheSharedOutbox(String sessionId, Instant loggedAt) {
        var data = new SessionCompleted(sessionId, "clinic-it", patientId, null, Instant.parse("2026-11-20T07:31:00Z"),
                null, 6, 4, null, null, null);
        return new LoggedSession(LoggedSession.keyOf("clinic-it", sessionId), sessionId, "clinic-it", patientId,
                data.completedAt(), data, UUID.randomUUID().toString(), loggedAt, Publication.PENDING, loggedAt);
    }

    @Test
    void aRetryIsAnsweredFromTheStoreAndACorrectionIsANewEvent() {
        String sessionId = patientId + "-s1";
        var first = post(session(sessionId, 6, 4));
        var retry = post(session(sessionId, 6, 4));
        var correction = post(session(sessionId, 6, 3));

        assertThat(first.getStatusCode().value()).isEqualTo(201);
        assertThat(retry.getStatusCode().value()).isEqualTo(200);
        assertThat(retry.getBody().get("eventId")).isEqualTo(first.getBody().get("eventId"));
        assertThat(correction.getStatusCode().value()).isEqualTo(200);
        assertThat(correction.getBody().get("eventId")).isNotEqualTo(first.getBody().get("eventId"));

        List<CloudEvent<SessionCompleted>> events = publishedEvents();
        assertThat(events).extracting(e -> e.data().painAfter()).containsExactly(4, 3);
        assertThat(events.get(1).time()).isAfterOrEqualTo(events.get(0).time());

        JsonNode stored = http.get().uri("/api/v1/patients/{id}/sessions", patientId).retrieve().body(JsonNode.class);
        assertThat(stored.findValues("painAfter")).extracting(JsonNode::asInt).contains(3).doesNotContain(4);
    }

    @Test
    void badFieldsAreNamedInAProblemDocumentAndNothingIsPublished() {
        String body = session(patientId + "-bad", 11, 4).replace("2026-11-20T07:31:00Z", "yesterday");
        ResponseEntity<JsonNode> response = post(body);

        assertThat(TestHttp.problemFields(response, 400)).containsExactlyInAnyOrder("painBefore", "completedAt");
        assertThat(publishedEvents()).isEmpty();
    }

    @Test
    void malformedJsonIsAProblemDocument() {
        TestHttp.assertProblem(post("{\"sessionId\": "), 400);
    }

    @Test
    void aSessionIdOfAnotherPatientIsAConflict() {
        String sessionId = patientId + "-s1";
        post(session(sessionId, 6, 4));
        String otherPatient = session(sessionId, 6, 4).replace("\"patientId\":\"" + patientId, "\"patientId\":\"someone-else");

        ResponseEntity<JsonNode> response = post(otherPatient);

        assertThat(response.getStatusCode().value()).isEqualTo(409);
        assertThat(response.getBody().get("errors").get(0).get("field").asString()).isEqualTo("sessionId");
    }

    @Test
    void twoClinicsLogTheSameSessionIdForTheSamePatientIdWithoutMeeting() {
        // the literal ids every clinic might use; fresh clinics keep the test independent of earlier runs
        String suffix = UUID.randomUUID().toString();
        String clinicA = "clinic-a-" + suffix;
        String clinicB = "clinic-b-" + suffix;
        var a = TestHttp.client(port, TestIssuer.clinician(clinicA));
        var b = TestHttp.client(port, TestIssuer.clinician(clinicB));

        var loggedByA = post(a, session(clinicA, "patient-42", "s-1", 6, 4));
        var loggedByB = post(b, session(clinicB, "patient-42", "s-1", 7, 2));

        assertThat(loggedByA.getStatusCode().value()).isEqualTo(201);
        assertThat(loggedByB.getStatusCode().value()).isEqualTo(201);
        assertThat(loggedByB.getBody().get("eventId")).isNotEqualTo(loggedByA.getBody().get("eventId"));
        JsonNode readByA = sessionsOf(a, "patient-42").getBody();
        JsonNode readByB = sessionsOf(b, "patient-42").getBody();
        assertThat(readByA).hasSize(1);
        assertThat(readByA.get(0).get("clinicId").asString()).isEqualTo(clinicA);
        assertThat(readByA.get(0).get("painAfter").asInt()).isEqualTo(4);
        assertThat(readByB).hasSize(1);
        assertThat(readByB.get(0).get("clinicId").asString()).isEqualTo(clinicB);
        assertThat(readByB.get(0).get("painAfter").asInt()).isEqualTo(2);

        // a retry stays within its clinic; a conflict is only ever about the caller's own clinic's session
        var retryByA = post(a, session(clinicA, "patient-42", "s-1", 6, 4));
        assertThat(retryByA.getStatusCode().value()).isEqualTo(200);
        assertThat(retryByA.getBody().get("eventId")).isEqualTo(loggedByA.getBody().get("eventId"));
        assertThat(post(b, session(clinicB, "patient-43", "s-1", 7, 2)).getStatusCode().value()).isEqualTo(409);
        assertThat(sessionsOf(a, "patient-42").getBody()).hasSize(1);
    }

    @Test
    void anotherClinicLearnsNothingOfThePatientAndCannotWriteAsThisClinic() {
        assertThat(post(session(patientId + "-s1", 6, 4)).getStatusCode().value()).isEqualTo(201);
        var otherClinic = TestHttp.client(port, TestIssuer.clinician("clinic-other"));

        // answered exactly like an id nobody uses
        var read = sessionsOf(otherClinic, patientId);
        String unused = "unused-" + UUID.randomUUID();
        var unknown = sessionsOf(otherClinic, unused);
        assertThat(read.getStatusCode().value()).isEqualTo(404);
        assertThat(read.getBody().toString().replace(patientId, "ID"))
                .isEqualTo(unknown.getBody().toString().replace(unused, "ID"));
        // a body naming another clinic than the token's is refused, naming the field
        var forged = post(otherClinic, session("other-" + patientId, 5, 5));
        assertThat(forged.getStatusCode().value()).isEqualTo(400);
        assertThat(forged.getBody().get("errors").findValues("field")).extracting(JsonNode::asString).containsExactly("clinicId");
        // so is a clinic that is not a string at all (the API fuzz found an array answered 500)
        for (String notAString : List.of("[\"clinic-it\"]", "1", "{\"id\":\"clinic-it\"}", "true")) {
            var odd = post(session("odd-" + patientId, 5, 5).replace("\"clinicId\":\"clinic-it\"", "\"clinicId\":" + notAString));
            assertThat(odd.getStatusCode().value()).as(notAString).isEqualTo(400);
            assertThat(odd.getBody().get("errors").findValues("field")).extracting(JsonNode::asString).as(notAString).containsExactly("clinicId");
        }
        assertThat(publishedEvents()).extracting(e -> e.data().sessionId()).containsExactly(patientId + "-s1");
    }

    @Test
    void aPatientLogsAndReadsOnlyTheirOwnSessions() {
        var patient = TestHttp.client(port, TestIssuer.patient("clinic-it", patientId));
        var own = patient.post().uri("/api/v1/sessions").contentType(MediaType.APPLICATION_JSON)
                .body(session(patientId + "-own", 5, 3).replace("\"clinicId\":\"clinic-it\",", "")).retrieve().toEntity(JsonNode.class);
        assertThat(own.getStatusCode().value()).isEqualTo(201);
        assertThat(own.getBody().get("data").get("clinicId").asString()).isEqualTo("clinic-it");
        assertThat(patient.get().uri("/api/v1/patients/{id}/sessions", patientId).retrieve().toEntity(JsonNode.class)
                .getStatusCode().value()).isEqualTo(200);

        String neighbour = "neighbour-" + patientId;
        var forNeighbour = patient.post().uri("/api/v1/sessions").contentType(MediaType.APPLICATION_JSON)
                .body(session(neighbour + "-s1", 5, 3).replace(patientId + "\"", neighbour + "\"")).retrieve().toEntity(JsonNode.class);
        assertThat(forNeighbour.getStatusCode().value()).isEqualTo(404);
        assertThat(patient.get().uri("/api/v1/patients/{id}/sessions", neighbour).retrieve().toEntity(JsonNode.class)
                .getStatusCode().value()).isEqualTo(404);
    }

    @Test
    void theClinicAdministratorReadsWhoSawThePatient() {
        assertThat(post(session(patientId + "-s1", 6, 4)).getStatusCode().value()).isEqualTo(201);
        http.get().uri("/api/v1/patients/{id}/sessions", patientId).retrieve().toEntity(JsonNode.class);

        var admin = TestHttp.client(port, TestIssuer.clinicAdmin("clinic-it"));
        JsonNode entries = admin.get().uri("/api/v1/access-log/routine-service?patientId={p}", patientId).retrieve().body(JsonNode.class);
        assertThat(entries.findValues("user")).extracting(JsonNode::asString).contains("clinician@clinic-it");
        assertThat(entries.findValues("endpoint")).extracting(JsonNode::asString)
                .contains("/api/v1/patients/" + patientId + "/sessions");
        assertThat(entries.findValues("method")).extracting(JsonNode::asString).contains("GET");
        // clinicians cannot read the log, and another clinic's administrator sees none of it
        assertThat(http.get().uri("/api/v1/access-log/routine-service").retrieve().toEntity(JsonNode.class)
                .getStatusCode().value()).isEqualTo(403);
        JsonNode foreign = TestHttp.client(port, TestIssuer.clinicAdmin("clinic-other")).get()
                .uri("/api/v1/access-log/routine-service?patientId={p}", patientId).retrieve().body(JsonNode.class);
        assertThat(foreign.size()).isZero();
    }

    // ---- paging -------------------------------------------------------------------------------------------

    String sessionAt(String sessionId, String completedAt) {
        return session(sessionId, 5, 3).replace("2026-11-20T07:31:00Z", completedAt);
    }

    ResponseEntity<JsonNode> get(RestClient client, String pathAndQuery) {
        return client.get().uri(java.net.URI.create("http://localhost:" + port + pathAndQuery)).retrieve().toEntity(JsonNode.class);
    }

    @Test
    void sessionsArePagedNewestFirstAndSessionsLoggedBetweenPagesShiftNothing() {
        String[] days = {"2026-11-01", "2026-11-02", "2026-11-02", "2026-11-03", "2026-11-04"};
        for (int i = 0; i < days.length; i++) {
            assertThat(post(sessionAt(patientId + "-s" + i, days[i] + "T07:00:00Z")).getStatusCode().value()).isEqualTo(201);
        }
        var first = get(http, "/api/v1/patients/" + patientId + "/sessions?size=2");
        assertThat(first.getStatusCode().value()).isEqualTo(200);
        assertThat(first.getBody().findValues("sessionId")).extracting(JsonNode::asString)
                .containsExactly(patientId + "-s4", patientId + "-s3");
        String next = nextLink(first);
        assertThat(next).startsWith("/api/v1/patients/" + patientId + "/sessions?size=2&cursor=");

        // a newer and an older session arrive between two pages: the newer belongs before the first page, the older after
        post(sessionAt(patientId + "-newer", "2026-11-05T07:00:00Z"));
        post(sessionAt(patientId + "-older", "2026-10-20T07:00:00Z"));
        List<String> seen = new java.util.ArrayList<>(first.getBody().findValues("sessionId").stream().map(JsonNode::asString).toList());
        int pages = 1;
        while (next != null) {
            var page = get(http, next);
            assertThat(page.getStatusCode().value()).isEqualTo(200);
            assertThat(page.getBody().size()).isBetween(1, 2);
            page.getBody().findValues("sessionId").forEach(id -> seen.add(id.asString()));
            next = nextLink(page);
            pages++;
        }
        // same completedAt (s1, s2): ordered by session id, descending, and neither lost nor repeated
        assertThat(seen).containsExactly(patientId + "-s4", patientId + "-s3", patientId + "-s2", patientId + "-s1",
                patientId + "-s0", patientId + "-older");
        assertThat(pages).isEqualTo(3);
        assertThat(get(http, "/api/v1/patients/" + patientId + "/sessions").getBody().findValues("sessionId"))
                .extracting(JsonNode::asString).startsWith(patientId + "-newer").hasSize(7);
    }

    @Test
    void sessionsDownloadAsCsvWithTheFieldsOfTheJsonAndNoCellRunsAsAFormula() throws Exception {
        String[] notes = {"=HYPERLINK(\\\"http://evil.example\\\")", "tight, then\\nbetter", "@SUM(A1:A9)"};
        for (int i = 0; i < notes.length; i++) {
            String body = session(patientId + "-c" + i, 6 - i, 3);
            body = body.substring(0, body.length() - 1) + ",\"notes\":\"" + notes[i] + "\"}";
            assertThat(post(body).getStatusCode().value()).isEqualTo(201);
        }
        JsonNode asJson = sessionsOf(http, patientId).getBody();
        var byAccept = http.get().uri("/api/v1/patients/{id}/sessions", patientId).accept(MediaType.parseMediaType("text/csv"))
                .retrieve().toEntity(String.class);
        var byLink = http.get().uri("/api/v1/patients/{id}/sessions.csv", patientId).retrieve().toEntity(String.class);
        assertThat(byAccept.getStatusCode().value()).isEqualTo(200);
        assertThat(byAccept.getHeaders().getContentType().isCompatibleWith(MediaType.parseMediaType("text/csv"))).isTrue();
        assertThat(byAccept.getHeaders().getContentDisposition().getFilename()).isEqualTo("sessions-" + patientId + ".csv");
        assertThat(byLink.getBody()).isEqualTo(byAccept.getBody());
        // any other client still gets JSON
        assertThat(http.get().uri("/api/v1/patients/{id}/sessions", patientId).accept(MediaType.ALL).retrieve()
                .toEntity(String.class).getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_JSON)).isTrue();

        var rows = org.apache.commons.csv.CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new java.io.StringReader(byAccept.getBody())).getRecords();
        assertThat(rows).hasSize(asJson.size()).hasSize(3);
        for (int i = 0; i < rows.size(); i++) {
            JsonNode session = asJson.get(i);
            var row = rows.get(i);
            assertThat(row.get("sessionId")).isEqualTo(session.get("sessionId").asString());
            assertThat(row.get("clinicId")).isEqualTo("clinic-it");
            assertThat(row.get("completedAt")).isEqualTo(session.get("completedAt").asString());
            assertThat(row.get("painBefore")).isEqualTo(session.get("painBefore").asString());
            assertThat(row.get("flags.sharpPain")).isEqualTo("false");
            assertThat(row.get("exercises")).isEqualTo(session.get("exercises").toString());
            String note = session.get("notes").asString();
            assertThat(row.get("notes")).isEqualTo(note.startsWith("=") || note.startsWith("@") ? "'" + note : note);
        }
        assertThat(rows).extracting(r -> r.get("notes")).contains("tight, then\nbetter", "'@SUM(A1:A9)");

        // the download is scoped as the list is: another clinic finds no such patient
        var otherClinic = TestHttp.client(port, TestIssuer.clinician("clinic-other"));
        assertThat(otherClinic.get().uri("/api/v1/patients/{id}/sessions.csv", patientId).retrieve().toEntity(String.class)
                .getStatusCode().value()).isEqualTo(404);
    }

    @Test
    void theOpenApiDocumentDescribesThePagesAndTheirLinkHeader() {
        JsonNode paths = TestHttp.client(port).get().uri("/v3/api-docs").retrieve().body(JsonNode.class).get("paths");
        for (String path : List.of("/api/v1/patients/{patientId}/sessions", "/api/v1/patients/{patientId}/routines",
                "/api/v1/access-log/routine-service")) {
            JsonNode get = paths.get(path).get("get");
            assertThat(get.get("parameters").findValues("name")).extracting(JsonNode::asString).as(path).contains("size");
            JsonNode ok = get.get("responses").get("200");
            assertThat(ok.get("headers").has("Link")).as(path).isTrue();
            assertThat(ok.get("content").findValues("type")).extracting(JsonNode::asString).as(path).contains("array");
        }
    }

    @Test
    void theOpenApiDocumentGivesTheSessionBodyTheEventContractsSchemaAndItsErrorAnswersAsProblems() throws Exception {
        JsonNode api = TestHttp.client(port).get().uri("/v3/api-docs").retrieve().body(JsonNode.class);
        JsonNode log = api.at("/paths/~1api~1v1~1sessions/post");
        assertThat(log.at("/requestBody/content/application~1json/schema/$ref").asString())
                .isEqualTo("#/components/schemas/LogSessionRequest");
        JsonNode contract;
        try (var in = getClass().getResourceAsStream("/schemas/session-completed-v1.schema.json")) {
            contract = JSON.readTree(in);
        }
        JsonNode session = contract.at("/$defs/session");
        JsonNode request = api.at("/components/schemas/LogSessionRequest");
        JsonNode data = api.at("/components/schemas/SessionCompleted");
        assertThat(request.get("properties").propertyNames()).containsExactlyElementsOf(session.get("properties").propertyNames());
        List<String> required = new java.util.ArrayList<>();
        session.get("required").forEach(name -> required.add(name.asString()));
        assertThat((Iterable<JsonNode>) data.get("required")).extracting(JsonNode::asString)
                .containsExactlyInAnyOrderElementsOf(required);
        assertThat((Iterable<JsonNode>) request.get("required")).extracting(JsonNode::asString)
                .containsExactlyInAnyOrder("sessionId", "patientId", "completedAt", "painBefore", "painAfter");
        assertThat(api.at("/components/schemas/PainRating/maximum").asInt()).isEqualTo(10);
        assertThat(log.get("responses").propertyNames()).contains("200", "201", "202", "400", "401", "403", "409", "413", "415", "429");
        for (String code : List.of("400", "401", "403", "409", "429")) {
            assertThat(log.at("/responses/" + code + "/content/application~1problem+json/schema/$ref").asString())
                    .as(code).isEqualTo("#/components/schemas/Problem");
        }
        assertThat(api.at("/info/license/identifier").asString()).isEqualTo("Apache-2.0");
        assertThat(api.at("/info/title").asString()).isEqualTo("BackTrack routine-service API");
        assertThat(api.at("/info/description").asString()).contains("sessions");
    }

    @org.junit.jupiter.params.provider.CsvSource({"size=0,size", "size=201,size", "size=ten,size", "cursor=bm90LWEtY3Vyc29y,cursor",
            "cursor=!!,cursor", "size=2&cursor=MS94LzE,cursor"})
    void badPagingParametersAreNamedInAProblemDocument(String query, String field) {
        assertThat(post(session(patientId + "-s1", 6, 4)).getStatusCode().value()).isEqualTo(201);
        var response = get(http, "/api/v1/patients/" + patientId + "/sessions?" + query);
        assertThat(TestHttp.problemFields(response, 400)).containsExactly(field);
    }

    @org.springframework.beans.factory.annotation.Autowired
    org.backtrack.security.accesslog.AccessLogRetention retention;

    @Test
    void theAccessLogPagesBackwardsAndEntriesWrittenBetweenPagesShiftNothing() {
        assertThat(post(session(patientId + "-s1", 6, 4)).getStatusCode().value()).isEqualTo(201);
        for (int i = 0; i < 5; i++) {
            sessionsOf(http, patientId);
        }
        var admin = TestHttp.client(port, TestIssuer.clinicAdmin("clinic-it"));
        String log = "/api/v1/access-log/routine-service?patientId=" + patientId;
        // an entry is written once the response has gone out: wait for all five
        org.awaitility.Awaitility.await().atMost(WAIT).until(() -> get(admin, log).getBody().size() == 5);
        List<String> all = get(admin, log).getBody().findValues("id").stream().map(JsonNode::asString).toList();

        var first = get(admin, log + "&size=2");
        List<String> seen = new java.util.ArrayList<>(first.getBody().findValues("id").stream().map(JsonNode::asString).toList());
        String next = nextLink(first);
        assertThat(next).contains("before=");
        sessionsOf(http, patientId); // a newer entry between two pages
        while (next != null) {
            var page = get(admin, next);
            page.getBody().findValues("id").forEach(id -> seen.add(id.asString()));
            next = nextLink(page);
        }
        assertThat(seen).containsExactlyElementsOf(all);
        assertThat(get(admin, log + "&limit=1").getBody()).hasSize(1); // the former parameter still works

        for (String bad : List.of("size=0", "size=501", "limit=0", "before=bm9uc2Vuc2U", "before=MS8yMDI2LTExLTIwVDA3OjMxOjAwWi96",
                "since=yesterday", "since=%2B1000000000-12-31T23:59:59Z")) {
            var response = get(admin, log + "&" + bad);
            assertThat(response.getStatusCode().value()).as(bad).isEqualTo(400);
            assertThat(response.getHeaders().getContentType()).as(bad).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
            assertThat(response.getBody().get("errors").findValues("field")).as(bad).extracting(JsonNode::asString)
                    .containsExactly(bad.substring(0, bad.indexOf('=')));
        }
    }

    @Test
    void accessLogEntriesOlderThanTheRetentionAreDeleted() {
        String clinic = "clinic-retention-" + UUID.randomUUID();
        java.time.Instant now = java.time.Instant.now();
        for (int days : new int[] {401, 399, 1}) {
            mongo.insert(new org.backtrack.security.accesslog.AccessLog.Entry(null, now.minus(Duration.ofDays(days)), "dr.old@" + clinic, clinic,
                    "patient-" + days, "routine-service", "GET", "/api/v1/patients/patient-" + days + "/sessions", 200), "access_log");
        }
        var admin = TestHttp.client(port, TestIssuer.clinicAdmin(clinic));
        assertThat(get(admin, "/api/v1/access-log/routine-service").getBody()).hasSize(3);

        assertThat(retention.purge()).isGreaterThanOrEqualTo(1);

        // the default retention is 400 days: the entry of 401 days ago is gone, the others stay
        assertThat(get(admin, "/api/v1/access-log/routine-service").getBody().findValues("patientId"))
                .extracting(JsonNode::asString).containsExactly("patient-1", "patient-399");
    }
}
