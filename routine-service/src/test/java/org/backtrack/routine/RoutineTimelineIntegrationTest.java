package org.backtrack.routine;

import org.backtrack.catalogview.CatalogView;
import org.backtrack.routine.catalog.CatalogAccess;
import org.backtrack.routine.catalog.CatalogFeed;
import org.backtrack.routine.composition.CatalogEntry;
import org.backtrack.routine.composition.CompositionRequest;
import org.backtrack.routine.composition.RoutinePlan;
import org.backtrack.routine.composition.ShippedCatalog;
import org.backtrack.routine.routines.Routine;
import org.backtrack.testsupport.EmbeddedKafka;
import org.backtrack.testsupport.Infrastructure;
import org.backtrack.testsupport.KafkaTestClient;
import org.backtrack.testsupport.RunsOn;
import org.backtrack.testsupport.TestHttp;
import org.backtrack.testsupport.TestIssuer;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The guided timeline through the real HTTP stack: compose a routine, fetch its timeline, and check order, offsets,
 * the total against the plan, the texts, who may read it, and routines stored before the timeline existed. The
 * catalog-service is unreachable here, so the clinic's catalog view (what routine-service falls back to, fed by
 * {@code backtrack.catalog}) holds the shipped catalog, published as the clinic's own exercises.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"backtrack.catalog.url=http://127.0.0.1:1", "backtrack.catalog.timeout=2s"})
@RunsOn(Infrastructure.EMBEDDED)
class RoutineTimelineIntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    MongoOperations mongo;
    @Autowired
    CatalogView view;

    String clinic;
    RestClient clinician;

    @BeforeEach
    void aClinicWithACatalogView() {
        clinic = "clinic-tl-" + UUID.randomUUID();
        clinician = TestHttp.client(port, TestIssuer.clinician(clinic));
        long version = System.nanoTime(); // newer than any test's before: the shipped ids become this clinic's
        try (var kafka = new KafkaTestClient(EmbeddedKafka.bootstrapServers())) {
            ShippedCatalog.ENTRIES.forEach(entry -> CatalogFeed.publish(kafka, CatalogFeed.exercise(entry, entry.id(), clinic, entry.name(), version)));
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> view.listedFor(clinic).size() == ShippedCatalog.ENTRIES.size());
    }

    ResponseEntity<JsonNode> get(RestClient client, String path, Object... variables) {
        return client.get().uri(path, variables).retrieve().toEntity(JsonNode.class);
    }

    @Test
    void aComposedRoutineRunsStepByStepToItsPlannedTotal() {
        JsonNode routine = clinician.post().uri("/api/v1/routines").contentType(MediaType.APPLICATION_JSON).body("""
                {"patientId": "patient-42", "minutes": 10, "timeOfDay": "MORNING", "stage": "BASIC",
                 "focusRegions": ["HIPS", "LOWER_BACK"], "date": "2026-11-23"}""").retrieve().body(JsonNode.class);
        String id = routine.get("id").asString();
        JsonNode plan = routine.get("plan");
        int planned = plan.get("totalSeconds").asInt();
        assertThat(planned).isBetween(540, 660);

        ResponseEntity<JsonNode> response = get(clinician, "/api/v1/routines/{id}/timeline", id);

        assertThat(response.getStatusCode().value()).isEqualTo(200);
        JsonNode timeline = response.getBody();
        assertThat(timeline.get("routineId").asString()).isEqualTo(id);
        assertThat(timeline.get("plannedSeconds").asInt()).isEqualTo(planned);
        assertThat(timeline.get("totalSeconds").asInt()).isEqualTo(planned);
        assertThat(timeline.get("notes")).isEmpty();
        JsonNode steps = timeline.get("steps");
        assertThat(steps.get(0).get("kind").asString()).isEqualTo("GET_READY");
        int clock = 0;
        Map<Integer, Integer> perExercise = new HashMap<>();
        List<String> exerciseOrder = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            JsonNode step = steps.get(i);
            assertThat(step.get("index").asInt()).isEqualTo(i);
            assertThat(step.get("startSeconds").asInt()).as("step %d starts where the one before ends", i).isEqualTo(clock);
            int duration = step.get("durationSeconds").asInt();
            assertThat(duration).isPositive();
            clock += duration;
            perExercise.merge(step.get("exerciseOrder").asInt(), duration, Integer::sum);
            String exerciseId = step.get("exerciseId").asString();
            if (exerciseOrder.isEmpty() || !exerciseOrder.get(exerciseOrder.size() - 1).equals(exerciseId)) {
                exerciseOrder.add(exerciseId);
                assertThat(step.get("kind").asString()).as("each exercise starts with a get-ready").isEqualTo("GET_READY");
            }
            CatalogEntry entry = ShippedCatalog.byId(exerciseId);
            assertThat(step.get("exerciseName").asString()).isEqualTo(entry.name());
            assertThat(entry.cues()).contains(step.get("cue").asString());
            assertThat(step.get("stopIf").values().stream().map(JsonNode::asString).toList()).isEqualTo(entry.stopIf());
            switch (step.get("kind").asString()) {
                case "REPS", "HOLD" -> {
                    assertThat(duration).isEqualTo(step.get("count").asInt() * step.get("secondsPerRep").asInt());
                    assertThat(step.get("count").asInt()).isEqualTo(entry.reps());
                    assertThat(step.get("side").isNull()).isEqualTo(!entry.perSide());
                }
                case "SWITCH_SIDES" -> {
                    assertThat(steps.get(i - 1).get("side").asString()).isEqualTo("LEFT");
                    assertThat(steps.get(i + 1).get("side").asString()).isEqualTo("RIGHT");
                }
                case "REST" -> {
                    assertThat(duration).isEqualTo(entry.restSeconds());
                    assertThat(steps.get(i + 1).get("set").asInt()).isEqualTo(steps.get(i - 1).get("set").asInt() + 1);
                }
                case "GET_READY" -> assertThat(duration).isEqualTo(15);
                default -> throw new AssertionError("unknown kind " + step.get("kind"));
            }
        }
        JsonNode last = steps.get(steps.size() - 1);
        assertThat(last.get("startSeconds").asInt() + last.get("durationSeconds").asInt()).isEqualTo(planned);
        assertThat(clock).isEqualTo(planned);
        List<String> planOrder = new ArrayList<>();
        for (JsonNode item : plan.get("items")) {
            planOrder.add(item.get("exerciseId").asString());
            assertThat(perExercise.get(item.get("order").asInt()))
                    .isEqualTo(item.get("seconds").asInt() + item.get("transitionSeconds").asInt());
        }
        assertThat(exerciseOrder).isEqualTo(planOrder);

        // the patient reads their own timeline; another patient of the clinic and another clinic get the unknown id's 404
        assertThat(get(TestHttp.client(port, TestIssuer.patient(clinic, "patient-42")), "/api/v1/routines/{id}/timeline", id)
                .getBody()).isEqualTo(timeline);
        assertNotFoundLikeAnUnknownId(TestHttp.client(port, TestIssuer.patient(clinic, "patient-43")), id);
        assertNotFoundLikeAnUnknownId(TestHttp.client(port, TestIssuer.clinician("clinic-other-" + UUID.randomUUID())), id);
        assertNotFoundLikeAnUnknownId(TestHttp.client(port, TestIssuer.patient("clinic-other-" + UUID.randomUUID(), "patient-42")), id);
    }

    void assertNotFoundLikeAnUnknownId(RestClient client, String id) {
        ResponseEntity<JsonNode> foreign = get(client, "/api/v1/routines/{id}/timeline", id);
        String unused = UUID.randomUUID().toString();
        ResponseEntity<JsonNode> unknown = get(client, "/api/v1/routines/{id}/timeline", unused);
        assertThat(foreign.getStatusCode().value()).isEqualTo(404);
        assertThat(unknown.getStatusCode().value()).isEqualTo(404);
        assertThat(foreign.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(foreign.getBody().toString().replace(id, "ID")).isEqualTo(unknown.getBody().toString().replace(unused, "ID"));
    }

    @Test
    void aRoutineStoredBeforeTheTimelineGetsOneFromTheCatalogCopy() {
        // as the code before stored it: rests between every rep in seconds, the transition after the item, no
        // rest, cues or stop-if of its own; the last exercise is no longer in the clinic's catalog
        var request = new CompositionRequest("patient-7", 10, "MORNING", Set.of(), Set.of(), "BASIC", Set.of(), Set.of(),
                LocalDate.of(2026, 11, 2));
        List<RoutinePlan.Item> items = List.of(
                new RoutinePlan.Item(1, "leg-swings", "Leg Swings", RoutinePlan.Section.WARM_UP, 1, 10, null, 3, true, 250, 15,
                        "dynamic warm-up first", null, null, null),
                new RoutinePlan.Item(2, "standing-hip-circles", "Standing Hip Circles", RoutinePlan.Section.WARM_UP, 1, 8, null, 4,
                        false, 102, 15, "dynamic warm-up first", null, null, null),
                new RoutinePlan.Item(3, "retired-stretch", "Retired Stretch", RoutinePlan.Section.HOLDS, 2, 1, 30, null, false, 70, 0,
                        "gentle hold", null, null, null));
        Routine old = new Routine(UUID.randomUUID().toString(), "patient-7", clinic, Instant.parse("2026-11-02T07:00:00Z"), request,
                new RoutinePlan(600, 250 + 15 + 102 + 15 + 70, items, List.of()), CatalogAccess.Source.LIVE);
        Document stored = new Document();
        mongo.getConverter().write(old, stored);
        for (Document item : stored.get("plan", Document.class).getList("items", Document.class)) {
            item.remove("restSeconds");
            item.remove("cues");
            item.remove("stopIf");
        }
        mongo.insert(stored, "routines");

        JsonNode timeline = get(clinician, "/api/v1/routines/{id}/timeline", old.id()).getBody();

        // leg swings 15 + 30 + 5 + 30, hip circles 15 + 32, the retired stretch 15 + 30 + 30 without its unknown rest
        assertThat(timeline.get("totalSeconds").asInt()).isEqualTo(80 + 47 + 75);
        assertThat(timeline.get("plannedSeconds").asInt()).isEqualTo(452);
        assertThat(timeline.get("steps").values().stream().map(s -> s.get("kind").asString() + ":" + s.get("durationSeconds").asInt())
                .toList()).containsExactly("GET_READY:15", "REPS:30", "SWITCH_SIDES:5", "REPS:30", "GET_READY:15", "REPS:32",
                "GET_READY:15", "HOLD:30", "HOLD:30");
        JsonNode first = timeline.get("steps").get(1);
        assertThat(first.get("cue").asString()).isEqualTo(ShippedCatalog.byId("leg-swings").cues().get(0));
        assertThat(first.get("stopIf").get(0).asString()).isEqualTo(ShippedCatalog.byId("leg-swings").stopIf().get(0));
        JsonNode retired = timeline.get("steps").get(7);
        assertThat(retired.get("cue").isNull()).isTrue();
        assertThat(retired.get("stopIf").values().stream().map(JsonNode::asString).toList()).containsExactly("Sharp pain");
        assertThat(timeline.get("notes").values().stream().map(JsonNode::asString).toList())
                .anySatisfy(note -> assertThat(note).contains("Retired Stretch"))
                .anySatisfy(note -> assertThat(note).contains("452 s").contains("202 s"));
    }

    @Test
    void theOpenApiDocumentDescribesTheTimelineWithAnExample() {
        JsonNode get = TestHttp.client(port).get().uri("/v3/api-docs").retrieve().body(JsonNode.class)
                .get("paths").get("/api/v1/routines/{id}/timeline").get("get");
        JsonNode json = get.get("responses").get("200").get("content").get("application/json");
        assertThat(json.get("schema").toString()).contains("GuidedTimeline");
        JsonNode example = json.get("examples").values().iterator().next().get("value");
        JsonNode steps = example.get("steps");
        JsonNode last = steps.get(steps.size() - 1);
        assertThat(last.get("startSeconds").asInt() + last.get("durationSeconds").asInt()).isEqualTo(example.get("totalSeconds").asInt());
        assertThat(get.get("description").asString()).contains("GET_READY", "SWITCH_SIDES", "REST");
    }
}
