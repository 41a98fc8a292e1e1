package org.backtrack.progress.outcomes.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.annotation.security.RolesAllowed;
import org.backtrack.csv.CsvDownload;
import org.backtrack.problems.InvalidParameterException;
import org.backtrack.progress.outcomes.OutcomeQueries;
import org.backtrack.progress.patients.ClinicNotFoundException;
import org.backtrack.progress.patients.SeriesWindow;
import org.backtrack.security.Caller;
import org.backtrack.security.Role;
import org.backtrack.security.accesslog.AccessLog;
import org.backtrack.security.accesslog.PatientAccess;
import lombok.RequiredArgsConstructor;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

import java.util.Optional;

@RestController
@RequiredArgsConstructor
class OutcomesController {

    static final String FROM = "First day of the window (yyyy-MM-dd, the clinic's day); default " + SeriesWindow.DEFAULT_DAYS
            + " days before `to`";
    static final String TO = "Last day of the window (yyyy-MM-dd, the clinic's day); default today";

    private final OutcomeQueries queries;
    private final JsonMapper json;

    @Operation(summary = "The clinic's outcomes: responders, median change and adherence at 4 and 8 weeks",
            description = "Only the caller's own clinic; any other clinic id answers 404. Computed at the time of the request "
                    + "from the clinic's stored sessions (after corrections) completed on the clinic's days (its time zone, "
                    + "`PUT /api/v1/clinics/{clinicId}/settings`, UTC until set) from `from` to `to` (both inclusive; by default "
                    + "the last " + SeriesWindow.DEFAULT_DAYS + " days up to today, at most " + SeriesWindow.MAX_DAYS + " days), "
                    + "and from the program history (`backtrack.programs`). A patient counts at a follow-up of 4 (8) weeks with "
                    + "at least 28 (56) days between the first and the last session day in the window. Baseline: mean pain "
                    + "before of the sessions of the first 7 days from the first session day; current: mean pain before of the "
                    + "follow-up's last 7 days (days 21-27, or 49-55). A responder's drop reaches the minimal important change "
                    + "the progress assessment uses (1, 2 or 3 points by baseline severity, or 30% of the baseline while at "
                    + "least 1 point; see docs/analytics.md). Medians of an even count are the mean of the two middle values. "
                    + "`byStartingStage` and `byProgram` give the same figures per group. `plateausAfterStageChange`: patients "
                    + "whose first stage change in the window was made while the assessment's status (from the sessions before "
                    + "it) was PLATEAU; improved when, in one of the 4 weeks after the change's day, the mean pain before fell "
                    + "from the mean of the 7 days before by the minimal important change. A date that is not yyyy-MM-dd, `to` "
                    + "before `from` or a longer span answers 400 naming the parameter.",
            responses = @ApiResponse(responseCode = "200", description = "The clinic's outcomes"))
    @RolesAllowed({Role.CLINICIAN_NAME, Role.CLINIC_ADMIN_NAME, Role.INTEGRATION_NAME})
    @GetMapping("/api/v1/clinics/{clinicId}/outcomes")
    ClinicOutcomesAnswer outcomes(Caller caller, @PathVariable String clinicId,
            @Parameter(description = FROM) @RequestParam Optional<String> from,
            @Parameter(description = TO) @RequestParam Optional<String> to) {
        if (!clinicId.equals(caller.clinicId())) {
            throw new ClinicNotFoundException(clinicId);
        }
        SeriesWindow window;
        try {
            window = SeriesWindow.of(from.orElse(null), to.orElse(null), queries.today(clinicId));
        } catch (SeriesWindow.InvalidWindowException e) {
            throw new InvalidParameterException(e.field(), e.getMessage());
        }
        PatientAccess.touched(AccessLog.ALL_PATIENTS);
        return ClinicOutcomesAnswer.of(clinicId, queries.timeZoneOf(clinicId), window.from(), window.to(),
                queries.outcomesOf(clinicId, window));
    }

    @Operation(summary = "The clinic's outcomes as CSV", description = "The outcomes answer as rows: per follow-up (4 and 8 "
            + "weeks) one row for the clinic (`breakdown` CLINIC, with the plateau figures), then one per starting stage "
            + "(STARTING_STAGE) and per program (PROGRAM), `key` naming the group; the same window, rules and rounding as "
            + "the JSON answer. Only the caller's own clinic; any other clinic id answers 404; a bad window answers 400 "
            + "naming the parameter." + CsvDownload.DESCRIBED)
    @RolesAllowed({Role.CLINICIAN_NAME, Role.CLINIC_ADMIN_NAME, Role.INTEGRATION_NAME})
    @GetMapping(path = {"/api/v1/clinics/{clinicId}/outcomes", "/api/v1/clinics/{clinicId}/outcomes.csv"},
            produces = CsvDownload.MEDIA_TYPE_VALUE)
    ResponseEntity<String> outcomesAsCsv(Caller caller, @PathVariable String clinicId,
                                         @Parameter(description = FROM) @RequestParam Optional<String> from,
                                         @Parameter(description = TO) @RequestParam Optional<String> to) {
        return CsvDownload.of(json, OutcomeRow.class, OutcomeRow.of(outcomes(caller, clinicId, from, to)),
                "outcomes-" + clinicId + ".csv");
    }
}
