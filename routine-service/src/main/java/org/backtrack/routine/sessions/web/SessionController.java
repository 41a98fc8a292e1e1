package org.backtrack.routine.sessions.web;

import io.swagger.v3.oas.annotations.Operation;
import org.backtrack.problems.ErrorAnswer;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import org.backtrack.events.SessionCompleted;
import org.backtrack.csv.CsvDownload;
import org.backtrack.outbox.Publication;
import org.backtrack.routine.sessions.LoggedSession;
import org.backtrack.routine.sessions.SessionLog;
import org.backtrack.routine.web.PatientScope;
import org.backtrack.security.Caller;
import org.backtrack.paging.Paging;
import org.backtrack.security.Role;
import jakarta.annotation.security.RolesAllowed;
import lombok.RequiredArgsConstructor;
import tools.jackson.databind.node.ObjectNode;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.util.List;

@RestController
@RequiredArgsConstructor
class SessionController {

    private final SessionLog sessionLog;
    private final PatientScope scope;
    private final JsonMapper json;

    /**
     * Body = the event's {@code data}. 201 when new, 200 for a retry of the same data or a correction; 202 when the
     * session is stored but the broker has not acknowledged its event yet (it is delivered as soon as it can be).
     */
    static final String EXAMPLE = """
            {"sessionId": "s-20261120-42-1", "clinicId": "clinic-7", "patientId": "patient-42", "routineId": "r-123",
             "completedAt": "2026-11-20T07:31:00Z", "durationSeconds": 620, "painBefore": 6, "painAfter": 4,
             "exercises": [{"exerciseId": "cat-cow", "completed": true, "holdSeconds": 60}],
             "flags": {"sharpPain": false, "radiatingPain": false, "numbness": false, "nightPain": false}, "notes": null}""";

    @Operation(summary = "Log a completed session", description = "Body = the data of backtrack.session.completed.v1. "
            + "201 new, 200 same data again (no second event) or a correction (new event), 202 stored while the broker is "
            + "away (the event follows when it returns). Every bad field is named in the problem document. clinicId is "
            + "the caller's (may be left out); a patient token logs only its own sessions. 429 when the session would be "
            + "over a limit per patient: 12 sessions per UTC day of completedAt (a correction moving a session to a full "
            + "day included) or 20 corrections of one session; the problem document names the limit and the field.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                    examples = @ExampleObject(name = "a morning session", value = EXAMPLE))))
    @ErrorAnswer(status = 404, when = "A patient the caller may not name")
    @ErrorAnswer(status = 409, when = "The sessionId is already another patient's")
    @ErrorAnswer(status = 429, when = "Over a per-patient limit (sessions per day of completedAt, corrections of one "
            + "session; the problem names the limit) or a rate limit of the gateway")
    @RolesAllowed({Role.CLINICIAN_NAME, Role.CLINIC_ADMIN_NAME, Role.INTEGRATION_NAME, Role.PATIENT_NAME})
    @PostMapping("/api/v1/sessions")
    ResponseEntity<LoggedSessionView> log(Caller caller, @RequestBody JsonNode body) {
        if (body instanceof ObjectNode object) {
            // the event's clinic is the caller's, whatever the body says; a different one is refused
            JsonNode named = object.get("clinicId");
            if (named == null || named.isNull() || named.isString()) {
                object.put("clinicId", PatientScope.clinicOf(caller, named == null || named.isNull() ? null : named.asString()));
            } // anything else (a number, an array, an object) is left for the contract's check, which names the field
        }
        SessionCompleted data = sessionLog.decode(body);
        scope.requireWritable(caller, data.patientId());
        SessionLog.Logged logged = sessionLog.log(data);
        var view = LoggedSessionView.of(logged);
        if (view.publication() != Publication.PUBLISHED) {
            return ResponseEntity.accepted().location(URI.create("/api/v1/patients/" + view.patientId() + "/sessions")).body(view);
        }
        if (logged.outcome() == SessionLog.Outcome.CREATED) {
            return ResponseEntity.created(URI.create("/api/v1/patients/" + view.patientId() + "/sessions")).body(view);
        }
        return ResponseEntity.ok(view);
    }

    @Operation(summary = "A patient's logged sessions", description = "Newest first (by completedAt, then sessionId). "
            + Paging.NEWEST_FIRST_PAGES + CsvDownload.DESCRIBED, responses = @ApiResponse(responseCode = "200", description = "A page of sessions",
            headers = @Header(name = "Link", description = Paging.LINK_TO_NEXT)))
    @RolesAllowed({Role.CLINICIAN_NAME, Role.CLINIC_ADMIN_NAME, Role.INTEGRATION_NAME, Role.PATIENT_NAME})
    @GetMapping("/api/v1/patients/{patientId}/sessions")
    ResponseEntity<List<SessionCompleted>> sessionsOf(Caller caller, @PathVariable String patientId,
                                                      @ParameterObject Paging.Query query) {
        scope.requireVisible(caller, patientId);
        Paging.Request page = query.request(2);
        return Paging.answer(sessionLog.ofPatient(caller.clinicId(), patientId, page.after(), page.size()));
    }

    @Operation(summary = "A patient's logged sessions as CSV", description = "Newest first." + CsvDownload.DESCRIBED)
    @RolesAllowed({Role.CLINICIAN_NAME, Role.CLINIC_ADMIN_NAME, Role.INTEGRATION_NAME, Role.PATIENT_NAME})
    @GetMapping(path = {"/api/v1/patients/{patientId}/sessions", "/api/v1/patients/{patientId}/sessions.csv"},
            produces = CsvDownload.MEDIA_TYPE_VALUE)
    ResponseEntity<String> sessionsOfAsCsv(Caller caller, @PathVariable String patientId, @ParameterObject Paging.Query query) {
        scope.requireVisible(caller, patientId);
        Paging.Request from = query.request(2);
        return CsvDownload.of(json, SessionCompleted.class, from.after(),
                (after, size) -> sessionLog.ofPatient(caller.clinicId(), patientId, after, size), "sessions-" + patientId + ".csv");
    }

    /** What the client gets back: the session's identity, its event and whether the broker has it. */
    record LoggedSessionView(String sessionId, String patientId, String eventId, Publication publication,
                             SessionCompleted data) {

        static LoggedSessionView of(SessionLog.Logged logged) {
            LoggedSession s = logged.session();
            return new LoggedSessionView(s.sessionId(), s.patientId(), s.eventId(), s.publication(), s.data());
        }
    }
}
