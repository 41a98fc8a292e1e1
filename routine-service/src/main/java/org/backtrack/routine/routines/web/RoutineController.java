package org.backtrack.routine.routines.web;

import io.swagger.v3.oas.annotations.Operation;
import org.backtrack.problems.ErrorAnswer;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import org.backtrack.events.Identifiers;
import org.backtrack.events.Stage;
import org.backtrack.routine.composition.CompositionRequest;
import org.backtrack.routine.composition.RequestDefaults;
import org.backtrack.routine.programs.PatientProgram;
import org.backtrack.routine.programs.PatientPrograms;
import org.backtrack.routine.routines.GuidedTimelines;
import org.backtrack.routine.routines.Routine;
import org.backtrack.routine.routines.RoutineComposition;
import org.backtrack.routine.routines.RoutineNotFoundException;
import org.backtrack.routine.web.InvalidFieldsException;
import org.backtrack.routine.web.PatientScope;
import org.backtrack.security.Caller;
import org.backtrack.security.CurrentToken;
import org.backtrack.paging.Paging;
import org.backtrack.security.accesslog.PatientAccess;
import org.backtrack.security.Role;
import jakarta.annotation.security.RolesAllowed;
import lombok.RequiredArgsConstructor;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

@RestController
@RequiredArgsConstructor
class RoutineController {

    static final Set<String> TIMES = Set.of("MORNING", "EVENING", RequestDefaults.ANY_TIME);

    private final RoutineComposition composition;
    private final PatientPrograms programs;
    private final PatientScope scope;
    private final GuidedTimelines timelines;
    private final Clock clock = Clock.systemUTC();

    /** The body of POST /api/v1/routines. Stage and focus default to the patient's program. */
    record ComposeRequest(String patientId, String clinicId, Integer minutes, String timeOfDay, Set<String> focusRegions,
                          Set<String> availableEquipment, String stage, Set<String> contraindications,
                          Set<String> excludedExercises, LocalDate date) {
    }

    static final String EXAMPLE = """
            {"patientId": "patient-42", "clinicId": "clinic-7", "minutes": 10, "timeOfDay": "MORNING",
             "focusRegions": ["LOWER_BACK", "HIPS"], "availableEquipment": ["FOAM_ROLLER"], "stage": "BASIC",
             "contraindications": ["KNEE_PROBLEMS"], "excludedExercises": []}""";

    @Operation(summary = "Compose and save a routine", description = "Warm-up first, holds next, strengthening last when the "
            + "stage includes it; within 10% of the budget and never more than a minute over. Same input and day, same "
            + "routine. Stage and focus default to the patient's program. 503 only when the catalog is down and no local "
            + "copy exists yet.", responses = @ApiResponse(responseCode = "201", description = "The routine, saved",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = Routine.class))),
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
            examples = @ExampleObject(name = "ten minutes in the morning", value = EXAMPLE))))
    @RolesAllowed({Role.CLINICIAN_NAME, Role.CLINIC_ADMIN_NAME, Role.INTEGRATION_NAME, Role.PATIENT_NAME})
    @ErrorAnswer(status = 404, when = "A patient the caller may not name")
    @ErrorAnswer(status = 503, when = "The catalog is down and this service has no copy of it yet")
    @PostMapping("/api/v1/routines")
    ResponseEntity<Routine> compose(Caller caller, @RequestBody ComposeRequest body) {
        String clinicId = PatientScope.clinicOf(caller, body.clinicId());
        List<Map<String, String>> errors = new ArrayList<>();
        if (!Identifiers.isValid(body.patientId())) {
            errors.add(Map.of("field", "patientId", "message", "is required and " + Identifiers.RULE));
        }
        if (body.excludedExercises() != null && !body.excludedExercises().stream().allMatch(Identifiers::isValid)) {
            errors.add(Map.of("field", "excludedExercises", "message", "each " + Identifiers.RULE));
        }
        noNulls(errors, "focusRegions", body.focusRegions());
        noNulls(errors, "availableEquipment", body.availableEquipment());
        noNulls(errors, "contraindications", body.contraindications());
        if (body.minutes() == null || body.minutes() < CompositionRequest.MIN_MINUTES || body.minutes() > CompositionRequest.MAX_MINUTES) {
            errors.add(Map.of("field", "minutes", "message", "must be from " + CompositionRequest.MIN_MINUTES + " to " + CompositionRequest.MAX_MINUTES));
        }
        String time = RequestDefaults.timeOfDay(body.timeOfDay());
        if (!TIMES.contains(time)) {
            errors.add(Map.of("field", "timeOfDay", "message", "must be one of " + TIMES));
        }
        if (body.stage() != null && Stage.onLadderNamed(body.stage()).isEmpty()) {
            errors.add(Map.of("field", "stage", "message", "must be one of " + Stage.ladderNames()));
        }
        if (!errors.isEmpty()) {
            throw new InvalidFieldsException("Invalid routine request", errors);
        }
        scope.requireWritable(caller, body.patientId());
        // without a stage or focus in the request, the patient's program decides
        PatientProgram program = programs.of(clinicId, body.patientId());
        var request = new CompositionRequest(body.patientId(), body.minutes(), time,
                RequestDefaults.focus(body.focusRegions(), program.focusRegions()), body.availableEquipment(),
                RequestDefaults.stage(body.stage(), program.stage()), body.contraindications(), body.excludedExercises(),
                RequestDefaults.date(body.date(), LocalDate.now(clock.withZone(ZoneOffset.UTC))));
        Routine routine = composition.compose(clinicId, request, CurrentToken.authorizationHeader());
        return ResponseEntity.created(URI.create("/api/v1/routines/" + routine.id())).body(routine);
    }

    /** A null in a set would reach the composer, which cannot compare it with anything. */
    private static void noNulls(List<Map<String, String>> errors, String field, Set<String> values) {
        if (values != null && values.stream().anyMatch(java.util.Objects::isNull)) {
            errors.add(Map.of("field", field, "message", "must not contain null"));
        }
    }

    @Operation(summary = "One routine", description = "A routine of another clinic answers 404, exactly like an unknown id.")
    @RolesAllowed({Role.CLINICIAN_NAME, Role.CLINIC_ADMIN_NAME, Role.INTEGRATION_NAME, Role.PATIENT_NAME})
    @GetMapping("/api/v1/routines/{id}")
    Routine one(Caller caller, @PathVariable String id) {
        return visible(caller, id);
    }

    @Operation(summary = "A routine second by second", description = "The ordered steps of the routine for a patient app "
            + "to run timers and spoken prompts without arithmetic of its own: each with `startSeconds` and "
            + "`durationSeconds`, its `kind` (GET_READY, HOLD, REPS, SWITCH_SIDES, REST), the `side` (LEFT/RIGHT) of "
            + "per-side work, the `count` of holds or reps and `secondsPerRep` (the hold or the tempo), the set, and the "
            + "exercise's id, name, a `cue` and its `stopIf` signs as the catalog gave them when the routine was composed. "
            + "Reps follow each other without a rest; the exercise's rest comes between sets; per-side work switches "
            + "sides in 5 s; every exercise starts with 15 s to get ready. The last step ends at `totalSeconds`, equal "
            + "to the plan's `totalSeconds` (`plannedSeconds`) for routines composed since this timing; older routines "
            + "say the difference in `notes`. Same access as the routine: another clinic's or patient's answers 404 "
            + "like an unknown id.", responses = @ApiResponse(responseCode = "200", description = "The timeline",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = GuidedTimelines.GuidedTimeline.class),
                    examples = @ExampleObject(name = "leg swings, then knee-to-chest", value = TIMELINE_EXAMPLE))))
    @RolesAllowed({Role.CLINICIAN_NAME, Role.CLINIC_ADMIN_NAME, Role.INTEGRATION_NAME, Role.PATIENT_NAME})
    @GetMapping("/api/v1/routines/{id}/timeline")
    GuidedTimelines.GuidedTimeline timeline(Caller caller, @PathVariable String id) {
        return timelines.of(visible(caller, id));
    }

    private Routine visible(Caller caller, String id) {
        // only the caller's clinic's routines are looked up; then a patient token must be the routine's patient
        Routine routine = Optional.ofNullable(caller.clinicId()).flatMap(clinicId -> composition.find(clinicId, id))
                .filter(r -> caller.mayName(r.patientId()))
                .orElseThrow(() -> new RoutineNotFoundException(id));
        PatientAccess.touched(routine.patientId());
        return routine;
    }

    @Operation(summary = "A patient's routines", description = "Newest first (by createdAt, then id). " + Paging.NEWEST_FIRST_PAGES,
            responses = @ApiResponse(responseCode = "200", description = "A page of routines",
                    headers = @Header(name = "Link", description = Paging.LINK_TO_NEXT)))
    @RolesAllowed({Role.CLINICIAN_NAME, Role.CLINIC_ADMIN_NAME, Role.INTEGRATION_NAME, Role.PATIENT_NAME})
    @GetMapping("/api/v1/patients/{patientId}/routines")
    ResponseEntity<List<Routine>> ofPatient(Caller caller, @PathVariable String patientId, @ParameterObject Paging.Query query) {
        scope.requireVisible(caller, patientId);
        Paging.Request page = query.request(2);
        return Paging.answer(composition.ofPatient(caller.clinicId(), patientId, page.after(), page.size()));
    }

    static final String TIMELINE_EXAMPLE = """
            {"routineId": "3f2a9c4e-8d1b-4a52-9e0f-6c1d2b7a5e10", "patientId": "patient-42", "plannedSeconds": 140,
             "totalSeconds": 140, "notes": [], "steps": [
              {"index": 0, "startSeconds": 0, "durationSeconds": 15, "kind": "GET_READY", "side": null, "set": null, "sets": 1,
               "count": null, "secondsPerRep": null, "exerciseOrder": 1, "exerciseId": "leg-swings", "exerciseName": "Leg Swings",
               "cue": "Swing from the hip, not by arching the lower back.",
               "stopIf": ["Sharp or stabbing pain", "Pain that travels down a leg"]},
              {"index": 1, "startSeconds": 15, "durationSeconds": 30, "kind": "REPS", "side": "LEFT", "set": 1, "sets": 1,
               "count": 10, "secondsPerRep": 3, "exerciseOrder": 1, "exerciseId": "leg-swings", "exerciseName": "Leg Swings",
               "cue": "Swing from the hip, not by arching the lower back.",
               "stopIf": ["Sharp or stabbing pain", "Pain that travels down a leg"]},
              {"index": 2, "startSeconds": 45, "durationSeconds": 5, "kind": "SWITCH_SIDES", "side": null, "set": 1, "sets": 1,
               "count": null, "secondsPerRep": null, "exerciseOrder": 1, "exerciseId": "leg-swings", "exerciseName": "Leg Swings",
               "cue": "Keep the movement controlled, never flinging the leg.",
               "stopIf": ["Sharp or stabbing pain", "Pain that travels down a leg"]},
              {"index": 3, "startSeconds": 50, "durationSeconds": 30, "kind": "REPS", "side": "RIGHT", "set": 1, "sets": 1,
               "count": 10, "secondsPerRep": 3, "exerciseOrder": 1, "exerciseId": "leg-swings", "exerciseName": "Leg Swings",
               "cue": "Keep the movement controlled, never flinging the leg.",
               "stopIf": ["Sharp or stabbing pain", "Pain that travels down a leg"]},
              {"index": 4, "startSeconds": 80, "durationSeconds": 15, "kind": "GET_READY", "side": null, "set": null, "sets": 1,
               "count": null, "secondsPerRep": null, "exerciseOrder": 2, "exerciseId": "knee-to-chest",
               "exerciseName": "Knee-to-Chest", "cue": "You can do this in bed before you get up.",
               "stopIf": ["Sharp or stabbing pain", "Pain that travels down a leg"]},
              {"index": 5, "startSeconds": 95, "durationSeconds": 20, "kind": "HOLD", "side": "LEFT", "set": 1, "sets": 1,
               "count": 1, "secondsPerRep": 20, "exerciseOrder": 2, "exerciseId": "knee-to-chest",
               "exerciseName": "Knee-to-Chest", "cue": "You can do this in bed before you get up.",
               "stopIf": ["Sharp or stabbing pain", "Pain that travels down a leg"]},
              {"index": 6, "startSeconds": 115, "durationSeconds": 5, "kind": "SWITCH_SIDES", "side": null, "set": 1, "sets": 1,
               "count": null, "secondsPerRep": null, "exerciseOrder": 2, "exerciseId": "knee-to-chest",
               "exerciseName": "Knee-to-Chest", "cue": "Keep the other leg relaxed and the back of your head on the surface.",
               "stopIf": ["Sharp or stabbing pain", "Pain that travels down a leg"]},
              {"index": 7, "startSeconds": 120, "durationSeconds": 20, "kind": "HOLD", "side": "RIGHT", "set": 1, "sets": 1,
               "count": 1, "secondsPerRep": 20, "exerciseOrder": 2, "exerciseId": "knee-to-chest",
               "exerciseName": "Knee-to-Chest", "cue": "Keep the other leg relaxed and the back of your head on the surface.",
               "stopIf": ["Sharp or stabbing pain", "Pain that travels down a leg"]}]}""";
}
