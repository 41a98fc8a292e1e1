package org.backtrack.routine.feedback.web;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.annotation.security.RolesAllowed;
import org.backtrack.routine.feedback.learning.ExerciseFeedbackLog;
import org.backtrack.routine.web.PatientScope;
import org.backtrack.security.Caller;
import org.backtrack.security.Role;
import lombok.RequiredArgsConstructor;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequiredArgsConstructor
class FeedbackController {

    private final ExerciseFeedbackLog feedback;
    private final PatientScope scope;

    @Operation(summary = "A patient's feedback per exercise", description = "Each exercise's recent feedback (at most 6 "
            + "sessions, newest first: felt TOO_EASY, ABOUT_RIGHT or TOO_HARD, hurt) from every session on "
            + "backtrack.sessions, and what the next routine does with it: an exercise that hurt last time is replaced by "
            + "its regression or left out; one found too easy 3 sessions running is offered its progression within the "
            + "program's stage, or proposed to the clinician beyond it; nothing progresses while a red flag is open.")
    @RolesAllowed({Role.CLINICIAN_NAME, Role.CLINIC_ADMIN_NAME, Role.INTEGRATION_NAME, Role.PATIENT_NAME})
    @GetMapping("/api/v1/patients/{patientId}/exercise-feedback")
    ExerciseFeedbackLog.View feedback(Caller caller, @PathVariable String patientId) {
        scope.requireVisible(caller, patientId);
        return feedback.view(caller.clinicId(), patientId);
    }
}
