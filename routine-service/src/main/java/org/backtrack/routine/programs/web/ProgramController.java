package org.backtrack.routine.programs.web;

import org.backtrack.events.Stage;
import org.backtrack.routine.programs.PatientProgram;
import org.backtrack.routine.programs.PatientPrograms;
import org.backtrack.routine.programs.rules.MonitoringStartRule;
import io.swagger.v3.oas.annotations.media.Schema;
import org.backtrack.routine.web.InvalidFieldsException;
import org.backtrack.routine.web.PatientScope;
import org.backtrack.security.Caller;
import org.backtrack.security.Role;
import io.swagger.v3.oas.annotations.Operation;
import org.backtrack.problems.ErrorAnswer;
import jakarta.annotation.security.RolesAllowed;
import lombok.RequiredArgsConstructor;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Set;

/**
 * A patient's program. Who changed or decided is the authenticated clinician (the token's subject); names sent in
 * the body ({@code changedBy}, {@code decidedBy}) are ignored, so nobody can act under another's name.
 */
@RestController
@RequiredArgsConstructor
class ProgramController {

    static final String TITLE = "Invalid program change";

    private final PatientPrograms programs;
    private final PatientScope scope;
    private final Clock clock = Clock.systemUTC();

    /**
     * @param monitoringStart the first day of the patient's 30-day monitoring periods (yyyy-MM-dd, at most a year back
     *                        and 30 days ahead, {@link MonitoringStartRule}); absent or null keeps the current one
     */
    record ProgramChange(String clinicId, String stage, Set<String> focusRegions, String changedBy,
                         @Schema(description = MONITORING_START, example = "2026-11-16", format = "date") String monitoringStart) {
    }

    static final String MONITORING_START = "Optional: the first day of the patient's 30-day remote-monitoring periods "
            + "(yyyy-MM-dd, a date in the clinic's time zone, from " + MonitoringStartRule.MAX_DAYS_BACK + " days before "
            + "today to " + MonitoringStartRule.MAX_DAYS_AHEAD + " days after it; anything else answers 400 naming "
            + "`monitoringStart`). Absent or null keeps the current one; progress-service counts from the first session "
            + "while none is set.";

    record Decision(String decidedBy) {
    }

    @Operation(summary = "A patient's program: stage, focus and proposals")
    @RolesAllowed({Role.CLINICIAN_NAME, Role.CLINIC_ADMIN_NAME, Role.INTEGRATION_NAME, Role.PATIENT_NAME})
    @GetMapping("/api/v1/patients/{patientId}/program")
    PatientProgram program(Caller caller, @PathVariable String patientId) {
        scope.requireVisible(caller, patientId);
        return programs.of(caller.clinicId(), patientId);
    }

    @Operation(summary = "Set a patient's stage, focus and monitoring start", description = "Clinicians only; recorded "
            + "under the caller's name. Every change is published on `backtrack.programs` (`backtrack.program.changed.v1`, "
            + "with `monitoringStart` when set). `monitoringStart`: " + MONITORING_START)
    @RolesAllowed({Role.CLINICIAN_NAME, Role.CLINIC_ADMIN_NAME})
    @PutMapping("/api/v1/patients/{patientId}/program")
    PatientProgram change(Caller caller, @PathVariable String patientId, @RequestBody ProgramChange change) {
        if (Stage.onLadderNamed(change.stage()).isEmpty()) {
            throw InvalidFieldsException.of(TITLE, "stage", "must be one of " + Stage.ladderNames());
        }
        if (change.focusRegions() != null && change.focusRegions().stream().anyMatch(java.util.Objects::isNull)) {
            throw InvalidFieldsException.of(TITLE, "focusRegions", "must not contain null");
        }
        LocalDate monitoringStart = null;
        if (change.monitoringStart() != null) {
            MonitoringStartRule.Checked checked = MonitoringStartRule.check(change.monitoringStart(), LocalDate.now(clock));
            if (!checked.valid()) {
                throw InvalidFieldsException.of(TITLE, "monitoringStart", checked.problem());
            }
            monitoringStart = checked.date();
        }
        String clinicId = PatientScope.clinicOf(caller, change.clinicId());
        scope.requireWritable(caller, patientId);
        return programs.set(clinicId, patientId, change.stage(), change.focusRegions(), monitoringStart, caller.subject());
    }

    @Operation(summary = "Accept a proposal", description = "Moves the patient to the proposed stage; recorded under the caller's name.")
    @ErrorAnswer(status = 409, when = "The proposal is already accepted or declined")
    @RolesAllowed({Role.CLINICIAN_NAME, Role.CLINIC_ADMIN_NAME})
    @PostMapping("/api/v1/patients/{patientId}/program/proposals/{proposalId}/accept")
    PatientProgram accept(Caller caller, @PathVariable String patientId, @PathVariable String proposalId,
                          @RequestBody(required = false) Decision ignored) {
        scope.requireVisible(caller, patientId);
        return programs.decide(caller.clinicId(), patientId, proposalId, true, caller.subject());
    }

    @Operation(summary = "Decline a proposal", description = "Recorded under the caller's name.")
    @ErrorAnswer(status = 409, when = "The proposal is already accepted or declined")
    @RolesAllowed({Role.CLINICIAN_NAME, Role.CLINIC_ADMIN_NAME})
    @PostMapping("/api/v1/patients/{patientId}/program/proposals/{proposalId}/decline")
    PatientProgram decline(Caller caller, @PathVariable String patientId, @PathVariable String proposalId,
                           @RequestBody(required = false) Decision ignored) {
        scope.requireVisible(caller, patientId);
        return programs.decide(caller.clinicId(), patientId, proposalId, false, caller.subject());
    }
}
