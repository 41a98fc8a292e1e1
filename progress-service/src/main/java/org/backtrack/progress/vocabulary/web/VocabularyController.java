package org.backtrack.progress.vocabulary.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.annotation.security.RolesAllowed;
import org.backtrack.security.Role;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
class VocabularyController {

    @Operation(summary = "The clinic's vocabulary", description = "Every progress status with its label, symbol, rank in "
            + "the clinic overview (those needing attention first), whether it needs attention by itself, its `tone` (how "
            + "strongly the dashboard marks it: ALARM, CONCERN, CAUTION, GOOD, QUIET) and `flatTrend` (pain has stopped "
            + "changing over the trend window, which the patient's chart marks); every suggested "
            + "action with its label, the stage it moves a patient's program to (`movesTo`, null for none) and whether it "
            + "answers a safety signal; the stages with their labels, in ladder order (`rung`; recovery tools sit beside the "
            + "ladder, `rung` -1); the alert types with their labels and tones (their lifecycle: `GET /api/v1/alert-types`). The single "
            + "source of these words and of the attention order for the dashboard and integrators.",
            responses = @ApiResponse(responseCode = "200", description = "The vocabulary (the example is the current "
                    + "answer)", content = @Content(mediaType = "application/json")))
    @RolesAllowed({Role.CLINICIAN_NAME, Role.CLINIC_ADMIN_NAME, Role.INTEGRATION_NAME, Role.PATIENT_NAME, Role.PLATFORM_ADMIN_NAME})
    @GetMapping("/api/v1/vocabulary")
    Vocabulary vocabulary() {
        return Vocabulary.current();
    }
}
