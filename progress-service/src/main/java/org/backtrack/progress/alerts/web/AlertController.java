package org.backtrack.progress.alerts.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.annotation.security.RolesAllowed;
import org.backtrack.events.AlertAcknowledged;
import org.backtrack.events.AlertStatus;
import org.backtrack.progress.alerts.Alert;
import org.backtrack.progress.alerts.AlertAlreadyAcknowledgedException;
import org.backtrack.progress.UnavailableException;
import org.backtrack.progress.alerts.AlertInbox;
import org.backtrack.progress.alerts.Alerts;
import org.backtrack.security.accesslog.AccessLog;
import org.backtrack.security.Caller;
import org.backtrack.problems.InvalidParameterException;
import org.backtrack.paging.Paging;
import org.backtrack.security.accesslog.PatientAccess;
import org.backtrack.security.Role;
import org.backtrack.progress.patients.PatientNotFoundException;
import lombok.RequiredArgsConstructor;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Optional;

/**
 * Alerts through the gateway's public paths. Everything is looked up under the caller's clinic: another clinic's alert
 * is answered exactly like an unknown id (404; the problems are the service's one advice's). Clinicians and clinic administrators acknowledge, once (409 after);
 * patients read their own alerts without the clinic's notes and cannot acknowledge.
 */
@RestController
@RequiredArgsConstructor
class AlertController {

    static final String STATUS_VALUES = "`open`, `acknowledged` or `resolved` (any case; the statuses of `GET /api/v1/alert-types`)";
    static final String ORDER = "Open alerts first, then acknowledged, then resolved; within each the newest raised first. Paged: "
            + "at most `size` alerts (default " + Paging.DEFAULT_SIZE + ", 1 to " + Paging.MAX_SIZE + "); when more follow, an RFC "
            + "8288 `Link: <...>; rel=\"next\"` header gives the next page (its `cursor` holds the last alert's status, raise time "
            + "and id, so alerts raised meanwhile are neither repeated nor skipped). A bad `status`, `size` or `cursor` answers "
            + "400 naming it.";

    private final AlertInbox inbox;

    /** The body of an acknowledgement; every field is optional. */
    record AcknowledgementRequest(
            @io.swagger.v3.oas.annotations.media.Schema(description = "What the clinician did or decided; at most "
                    + AlertAcknowledged.MAX_NOTE_LENGTH + " characters, no control characters but line breaks and tabs",
                    maxLength = AlertAcknowledged.MAX_NOTE_LENGTH, nullable = true) String note) {
    }

    @Operation(summary = "The clinic's alert inbox", description = "The caller's own clinic's alerts (the clinic of the token). "
            + ORDER + " `status` selects one status: " + STATUS_VALUES + ".",
            responses = @ApiResponse(responseCode = "200", description = "A page of alerts",
                    headers = @Header(name = "Link", description = "`<url>; rel=\"next\"` when more alerts follow")))
    @RolesAllowed({Role.CLINICIAN_NAME, Role.CLINIC_ADMIN_NAME, Role.INTEGRATION_NAME})
    @GetMapping("/api/v1/alerts")
    ResponseEntity<List<Alert>> inbox(Caller caller,
            @Parameter(description = "Only alerts of this status: " + STATUS_VALUES) @RequestParam Optional<String> status,
            @Parameter(description = "Alerts per page, 1 to " + Paging.MAX_SIZE) @RequestParam Optional<String> size,
            @Parameter(description = "Where the page starts: the cursor of the Link header") @RequestParam Optional<String> cursor) {
        if (caller.clinicId() == null) {
            return ResponseEntity.ok(List.of()); // a client of no clinic (the platform's own) has no alerts
        }
        var page = inbox.page(caller.clinicId(), Optional.empty(), statusOf(status), cursorOf(cursor),
                Paging.size("size", size.orElse(null)), true);
        PatientAccess.touched(AccessLog.ALL_PATIENTS);
        return ResponseEntity.ok().headers(Paging.linkToNext(page.next(), Paging.CURSOR)).body(page.items());
    }

    @Operation(summary = "A patient's alerts, open and past", description = ORDER + " `status` selects one status: " + STATUS_VALUES
            + ". A patient of another clinic, or another patient for a patient token, answers 404 like an unknown one; a "
            + "patient reads their own alerts without the clinic's notes.",
            responses = @ApiResponse(responseCode = "200", description = "A page of the patient's alerts",
                    headers = @Header(name = "Link", description = "`<url>; rel=\"next\"` when more alerts follow")))
    @RolesAllowed({Role.CLINICIAN_NAME, Role.CLINIC_ADMIN_NAME, Role.INTEGRATION_NAME, Role.PATIENT_NAME})
    @GetMapping("/api/v1/patients/{patientId}/alerts")
    ResponseEntity<List<Alert>> ofPatient(Caller caller, @PathVariable String patientId,
            @Parameter(description = "Only alerts of this status: " + STATUS_VALUES) @RequestParam Optional<String> status,
            @Parameter(description = "Alerts per page, 1 to " + Paging.MAX_SIZE) @RequestParam Optional<String> size,
            @Parameter(description = "Where the page starts: the cursor of the Link header") @RequestParam Optional<String> cursor) {
        if (!caller.mayName(patientId) || !inbox.knows(caller.clinicId(), patientId)) {
            throw new PatientNotFoundException(patientId); // another clinic's patient answers like an unknown one
        }
        var page = inbox.page(caller.clinicId(), Optional.of(patientId), statusOf(status), cursorOf(cursor),
                Paging.size("size", size.orElse(null)), caller.clinicWide());
        return ResponseEntity.ok().headers(Paging.linkToNext(page.next(), Paging.CURSOR)).body(page.items());
    }

    @Operation(summary = "One alert", description = "An alert of the caller's clinic (a patient: one of their own). Any other "
            + "id, another clinic's included, answers 404.")
    @RolesAllowed({Role.CLINICIAN_NAME, Role.CLINIC_ADMIN_NAME, Role.INTEGRATION_NAME, Role.PATIENT_NAME})
    @GetMapping("/api/v1/alerts/{alertId}")
    Alert one(Caller caller, @PathVariable String alertId) {
        Alert alert = visible(caller, alertId, caller.clinicWide());
        PatientAccess.touched(alert.patientId());
        return alert;
    }

    @Operation(summary = "Acknowledge an alert", description = "Records that the signed-in clinician (the token's subject; "
            + "names in the body are ignored) has seen the alert, when, and an optional note. An alert is acknowledged once: "
            + "a second acknowledgement answers 409 with who acknowledged it and when. A red flag resolves with its "
            + "acknowledgement; other alerts stay acknowledged until what raised them clears. Published as "
            + "`" + AlertAcknowledged.TYPE + "` on backtrack.progress. An alert of another clinic answers 404 like an unknown "
            + "id; a note longer than " + AlertAcknowledged.MAX_NOTE_LENGTH + " characters or with control characters answers "
            + "400 naming `note`.",
            responses = {@ApiResponse(responseCode = "200", description = "The alert, acknowledged"),
                    @ApiResponse(responseCode = "409", description = "Already acknowledged (problem+json with `acknowledgedBy` and `acknowledgedAt`)")})
    @RolesAllowed({Role.CLINICIAN_NAME, Role.CLINIC_ADMIN_NAME})
    @PostMapping("/api/v1/alerts/{alertId}/acknowledgement")
    Alert acknowledge(Caller caller, @PathVariable String alertId, @RequestBody(required = false) AcknowledgementRequest body) {
        String note = Notes.checked(body == null ? null : body.note());
        Alert alert = visible(caller, alertId, true);
        AlertInbox.Acknowledgement done = inbox.acknowledge(caller.clinicId(), alertId, caller.subject(), note);
        switch (done.outcome()) {
            case NOT_FOUND -> throw UnavailableException.alertNotFound(alertId);
            case ALREADY_ACKNOWLEDGED -> throw new AlertAlreadyAcknowledgedException(done.alert());
            default -> {
            }
        }
        PatientAccess.touched(alert.patientId());
        return done.alert();
    }

    @Operation(summary = "The alert vocabulary", description = "Every alert type with its label, what raises it and how it "
            + "resolves; the statuses with their labels and `status` parameter values; the resolutions with their labels; the "
            + "longest acknowledgement note. The single source of these words for the dashboard and integrators.")
    @RolesAllowed({Role.CLINICIAN_NAME, Role.CLINIC_ADMIN_NAME, Role.INTEGRATION_NAME, Role.PATIENT_NAME, Role.PLATFORM_ADMIN_NAME})
    @GetMapping("/api/v1/alert-types")
    AlertVocabulary vocabulary() {
        return AlertVocabulary.current();
    }

    private Alert visible(Caller caller, String alertId, boolean withNote) {
        if (caller.clinicId() == null) {
            throw UnavailableException.alertNotFound(alertId);
        }
        return inbox.find(caller.clinicId(), alertId, withNote).filter(a -> caller.maySee(a.clinicId(), a.patientId()))
                .orElseThrow(() -> UnavailableException.alertNotFound(alertId));
    }

    private static Optional<AlertStatus> statusOf(Optional<String> status) {
        if (status.isEmpty() || status.get().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(AlertStatus.fromParameter(status.get())
                .orElseThrow(() -> new InvalidParameterException("status", "must be " + STATUS_VALUES)));
    }

    private static Optional<Paging.Cursor> cursorOf(Optional<String> cursor) {
        return Paging.Cursor.decode(Paging.CURSOR, cursor.orElse(null), 3);
    }
}
