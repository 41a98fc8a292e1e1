package org.backtrack.routine.programs.web;

import org.backtrack.routine.programs.PatientProgram;
import org.backtrack.routine.programs.PatientPrograms;
import org.backtrack.routine.web.InvalidFieldsException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.Set;

/**
 * A patient's program. Who changed or decided is recorded from the request for now; the security work takes it
 * from the authenticated clinician instead.
 */
@RestController
class ProgramController {

    static final Set<String> STAGES = Set.of("BASIC", "DEEPER", "STRENGTHENING");
    static final String TITLE = "Invalid program change";

    private final PatientPrograms programs;

    ProgramController(PatientPrograms programs) {
        this.programs = programs;
    }

    record ProgramChange(String clinicId, String stage, Set<String> focusRegions, String changedBy) {
    }

    record Decision(String decidedBy) {
    }

    @GetMapping("/api/v1/patients/{patientId}/program")
    PatientProgram program(@PathVariable String patientId, @RequestParam(required = false) String clinicId) {
        return programs.of(patientId, clinicId);
    }

    @PutMapping("/api/v1/patients/{patientId}/program")
    PatientProgram change(@PathVariable String patientId, @RequestBody ProgramChange change) {
        if (change.stage() == null || !STAGES.contains(change.stage())) {
            throw InvalidFieldsException.of(TITLE, "stage", "must be one of " + STAGES);
        }
        requireText("clinicId", change.clinicId());
        requireText("changedBy", change.changedBy());
        return programs.set(patientId, change.clinicId(), change.stage(), change.focusRegions(), change.changedBy());
    }

    @PostMapping("/api/v1/patients/{patientId}/program/proposals/{proposalId}/accept")
    PatientProgram accept(@PathVariable String patientId, @PathVariable String proposalId, @RequestBody Decision decision) {
        requireText("decidedBy", decision.decidedBy());
        return programs.decide(patientId, proposalId, true, decision.decidedBy());
    }

    @PostMapping("/api/v1/patients/{patientId}/program/proposals/{proposalId}/decline")
    PatientProgram decline(@PathVariable String patientId, @PathVariable String proposalId, @RequestBody Decision decision) {
        requireText("decidedBy", decision.decidedBy());
        return programs.decide(patientId, proposalId, false, decision.decidedBy());
    }

    private static void requireText(String field, String value) {
        if (value == null || value.isBlank() || value.length() > 128) {
            throw InvalidFieldsException.of(TITLE, field, "is required (at most 128 characters)");
        }
    }

    @ExceptionHandler
    ProblemDetail notFound(PatientPrograms.ProposalNotFoundException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
        problem.setTitle("Proposal not found");
        return problem;
    }

    @ExceptionHandler
    ProblemDetail decided(PatientPrograms.ProposalAlreadyDecidedException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        problem.setTitle("Proposal already decided");
        return problem;
    }
}
