package org.backtrack.progress.patients.web;

import org.backtrack.progress.assessment.ProgressStatus;
import org.backtrack.progress.patients.PatientProgress;
import org.backtrack.progress.patients.PatientSummary;
import org.backtrack.progress.patients.ProgressQueries;
import org.backtrack.security.AccessLog;
import org.backtrack.security.Caller;
import org.backtrack.security.PatientAccess;
import org.backtrack.security.Role;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.annotation.security.RolesAllowed;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Optional;

@RestController
class ProgressController {

    private final ProgressQueries queries;

    ProgressController(ProgressQueries queries) {
        this.queries = queries;
    }

    @Operation(summary = "A patient's progress", description = "Pain series, trend, status, alerts and suggestion. "
            + "A patient of another clinic, or another patient for a patient token, answers 404 like an unknown one.")
    @RolesAllowed({Role.CLINICIAN_NAME, Role.CLINIC_ADMIN_NAME, Role.INTEGRATION_NAME, Role.PATIENT_NAME})
    @GetMapping("/api/v1/patients/{patientId}/progress")
    PatientProgress progress(Caller caller, @PathVariable String patientId) {
        // authorized before anything is loaded, and then only the caller's clinic's data is looked up
        if (!caller.mayName(patientId)) {
            throw new PatientNotFoundException(patientId);
        }
        return queries.progressOf(caller.clinicId(), patientId)
                .orElseThrow(() -> new PatientNotFoundException(patientId));
    }

    @Operation(summary = "The clinic's patients, who needs attention first", description = "Only the caller's own clinic; "
            + "any other clinic id answers 404.")
    @RolesAllowed({Role.CLINICIAN_NAME, Role.CLINIC_ADMIN_NAME, Role.INTEGRATION_NAME})
    @GetMapping("/api/v1/clinics/{clinicId}/patients")
    List<PatientSummary> overview(Caller caller, @PathVariable String clinicId, @RequestParam Optional<ProgressStatus> status) {
        if (!clinicId.equals(caller.clinicId())) {
            throw new ClinicNotFoundException(clinicId);
        }
        PatientAccess.touched(AccessLog.ALL_PATIENTS);
        return queries.overviewOf(clinicId, status);
    }

    @ExceptionHandler
    ProblemDetail notFound(PatientNotFoundException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
        problem.setTitle("Patient not found");
        problem.setProperty("patientId", e.patientId);
        return problem;
    }

    @ExceptionHandler
    ProblemDetail notFound(ClinicNotFoundException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
        problem.setTitle("Clinic not found");
        return problem;
    }

    static final class ClinicNotFoundException extends RuntimeException {
        ClinicNotFoundException(String clinicId) {
            super("No clinic " + clinicId + " among yours");
        }
    }

    static final class PatientNotFoundException extends RuntimeException {
        final String patientId;

        PatientNotFoundException(String patientId) {
            super("No session has been recorded for patient " + patientId);
            this.patientId = patientId;
        }
    }
}
