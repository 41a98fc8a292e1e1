package org.backtrack.routine.sessions.web;

import org.backtrack.events.InvalidEventException;
import org.backtrack.events.SessionCompleted;
import org.backtrack.routine.sessions.LoggedSession;
import org.backtrack.routine.sessions.SessionLog;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.util.List;
import java.util.Map;

@RestController
class SessionController {

    private final SessionLog sessionLog;

    SessionController(SessionLog sessionLog) {
        this.sessionLog = sessionLog;
    }

    /**
     * Body = the event's {@code data}. 201 when new, 200 for a retry of the same data or a correction; 202 when the
     * session is stored but the broker has not acknowledged its event yet (it is delivered as soon as it can be).
     */
    @PostMapping("/api/v1/sessions")
    ResponseEntity<LoggedSessionView> log(@RequestBody JsonNode body) {
        SessionLog.Logged logged = sessionLog.log(body);
        var view = LoggedSessionView.of(logged);
        if (view.publication() != LoggedSession.Publication.PUBLISHED) {
            return ResponseEntity.accepted().location(URI.create("/api/v1/patients/" + view.patientId() + "/sessions")).body(view);
        }
        if (logged.outcome() == SessionLog.Outcome.CREATED) {
            return ResponseEntity.created(URI.create("/api/v1/patients/" + view.patientId() + "/sessions")).body(view);
        }
        return ResponseEntity.ok(view);
    }

    @GetMapping("/api/v1/patients/{patientId}/sessions")
    List<SessionCompleted> sessionsOf(@PathVariable String patientId) {
        return sessionLog.ofPatient(patientId);
    }

    @ExceptionHandler
    ProblemDetail invalid(InvalidEventException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setTitle("Invalid session");
        problem.setProperty("errors", e.violations().stream()
                .map(v -> Map.of("field", v.field(), "message", v.message())).toList());
        return problem;
    }

    @ExceptionHandler
    ProblemDetail conflict(SessionLog.SessionConflictException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        problem.setTitle("Session id already in use");
        problem.setProperty("errors", List.of(Map.of("field", "sessionId", "message", e.getMessage())));
        return problem;
    }

    /** What the client gets back: the session's identity, its event and whether the broker has it. */
    record LoggedSessionView(String sessionId, String patientId, String eventId, LoggedSession.Publication publication,
                             SessionCompleted data) {

        static LoggedSessionView of(SessionLog.Logged logged) {
            LoggedSession s = logged.session();
            return new LoggedSessionView(s.sessionId(), s.patientId(), s.eventId(), s.publication(), s.data());
        }
    }
}
