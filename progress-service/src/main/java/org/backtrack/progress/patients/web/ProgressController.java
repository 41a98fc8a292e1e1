package org.backtrack.progress.patients.web;

import org.backtrack.progress.assessment.ProgressStatus;
import org.backtrack.progress.patients.PatientProgress;
import org.backtrack.progress.patients.PatientSummary;
import org.backtrack.progress.patients.ProgressQueries;
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

    @GetMapping("/api/v1/patients/{patientId}/progress")
    PatientProgress progress(@PathVariable String patientId) {
        return queries.progressOf(patientId).orElseThrow(() -> new PatientNotFoundException(patientId));
    }

    @GetMapping("/api/v1/clinics/{clinicId}/patients")
    List<PatientSummary> overview(@PathVariable String clinicId, @RequestParam Optional<ProgressStatus> status) {
        return queries.overviewOf(clinicId, status);
    }

    @ExceptionHandler
    ProblemDetail notFound(PatientNotFoundException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
        problem.setTitle("Patient not found");
        problem.setProperty("patientId", e.patientId);
        return problem;
    }

    static final class PatientNotFoundException extends RuntimeException {
        final String patientId;

        PatientNotFoundException(String patientId) {
            super("No session has been recorded for patient " + patientId);
            this.patientId = patientId;
        }
    }
}
