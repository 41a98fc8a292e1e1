package org.backtrack.progress.monitoring.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.annotation.security.RolesAllowed;
import org.backtrack.csv.CsvDownload;
import org.backtrack.paging.Paging;
import org.backtrack.problems.InvalidParameterException;
import org.backtrack.progress.monitoring.MonitoringDays.PatientMonitoring;
import org.backtrack.progress.monitoring.MonitoringDays.PatientRow;
import org.backtrack.progress.monitoring.MonitoringQueries;
import org.backtrack.progress.patients.ClinicNotFoundException;
import org.backtrack.progress.patients.PatientNotFoundException;
import org.backtrack.security.Caller;
import org.backtrack.security.Role;
import org.backtrack.security.accesslog.AccessLog;
import org.backtrack.security.accesslog.PatientAccess;
import lombok.RequiredArgsConstructor;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import tools.jackson.databind.json.JsonMapper;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

@RestController
@RequiredArgsConstructor
class MonitoringController {

    static final String RULES = "Periods are 30 calendar days counted from the patient's monitoring start, "
            + "`[start + 30k, start + 30k + 29]`: the `monitoringStart` set on the patient's program in routine-service "
            + "(`PUT /api/v1/patients/{patientId}/program`, received on `backtrack.programs`; `startSource` PROGRAM), else "
            + "the day of the first session (`startSource` FIRST_SESSION); a patient with a program start and no session yet "
            + "is listed with 0 days; a day counts when at least one session was completed on it "
            + "in the clinic's time zone (`PUT /api/v1/clinics/{clinicId}/settings`, UTC by default), and its earliest "
            + "session qualifies it. `reached2`/`reached16`: 2 and 16 days with data; `daysLeft`: days of the period not over "
            + "yet without a session so far; `daysNeeded`: days 16 still lacks; `lostOn`: the first day after which 16 could "
            + "no longer be reached. Worked out at read time from the stored sessions after corrections. No billing advice.";
    static final String PERIOD = "`current` (default) or a date (yyyy-MM-dd, 2000-01-01 to 2999-12-31) choosing the period "
            + "holding it; anything else answers 400 naming `period`";

    static final String PAGES = "At most `size` patients a page (default " + Paging.DEFAULT_SIZE + ", 1 to " + Paging.MAX_SIZE
            + "); when more follow, an RFC 8288 `Link: <...>; rel=\"next\"` header gives the next page. A bad size or cursor "
            + "answers 400 naming it.";

    private final MonitoringQueries queries;
    private final JsonMapper json;

    @Operation(summary = "A patient's monitoring days", description = "The period holding `period` with its days with data and "
            + "the session that qualified each, its counts and thresholds, and the counts of up to "
            + MonitoringQueries.EARLIER_PERIODS + " earlier periods (newest first). " + RULES + " A date before the monitoring "
            + "start answers 400 naming `period`. A patient of another clinic, or another patient for a patient token, answers "
            + "404 like an unknown one.")
    @RolesAllowed({Role.CLINICIAN_NAME, Role.CLINIC_ADMIN_NAME, Role.INTEGRATION_NAME, Role.PATIENT_NAME})
    @GetMapping("/api/v1/patients/{patientId}/monitoring")
    PatientMonitoring patient(Caller caller, @PathVariable String patientId,
                              @Parameter(description = PERIOD) @RequestParam Optional<String> period) {
        if (!caller.mayName(patientId)) {
            throw new PatientNotFoundException(patientId);
        }
        Optional<LocalDate> date = dateOf(period);
        try {
            return queries.ofPatient(caller.clinicId(), patientId, date).orElseThrow(() -> new PatientNotFoundException(patientId));
        } catch (MonitoringQueries.BeforeStartException e) {
            throw new InvalidParameterException("period", e.getMessage());
        }
    }

    @Operation(summary = "The clinic's patients' monitoring days, at risk of missing 16 first", description = "Each patient's "
            + "period holding `period` (patients whose monitoring starts later are left out). Order: patients who can still "
            + "reach 16 days but have not, by least slack (`daysLeft - daysNeeded`) first, then those who can no longer reach "
            + "it, then those who reached it; then by patient id. " + RULES + " Only the caller's own clinic; any other clinic "
            + "id answers 404. " + PAGES,
            responses = @ApiResponse(responseCode = "200", description = "A page of patients",
                    headers = @Header(name = "Link", description = Paging.LINK_TO_NEXT)))
    @RolesAllowed({Role.CLINICIAN_NAME, Role.CLINIC_ADMIN_NAME, Role.INTEGRATION_NAME})
    @GetMapping("/api/v1/clinics/{clinicId}/monitoring")
    ResponseEntity<List<PatientRow>> clinic(Caller caller, @PathVariable String clinicId,
                                            @Parameter(description = PERIOD) @RequestParam Optional<String> period,
                                            @ParameterObject Paging.Query query) {
        ClinicList list = clinicList(caller, clinicId, period, query);
        return Paging.answer(queries.ofClinic(clinicId, list.date(), list.page().after(), list.page().size()));
    }

    @Operation(summary = "The clinic's patients' monitoring days as CSV", description = "The clinic list's rows (one per "
            + "patient: the period holding `period`, its day count, thresholds, `daysLeft`, `daysNeeded`, `lostOn`, "
            + "`standing`) in its order, at risk of missing 16 first, read as its pages are. Only the caller's own clinic; "
            + "any other clinic id answers 404." + CsvDownload.DESCRIBED)
    @RolesAllowed({Role.CLINICIAN_NAME, Role.CLINIC_ADMIN_NAME, Role.INTEGRATION_NAME})
    @GetMapping(path = {"/api/v1/clinics/{clinicId}/monitoring", "/api/v1/clinics/{clinicId}/monitoring.csv"},
            produces = CsvDownload.MEDIA_TYPE_VALUE)
    ResponseEntity<String> clinicAsCsv(Caller caller, @PathVariable String clinicId,
                                       @Parameter(description = PERIOD) @RequestParam Optional<String> period,
                                       @ParameterObject Paging.Query query) {
        ClinicList list = clinicList(caller, clinicId, period, query);
        return CsvDownload.of(json, PatientRow.class, list.page().after(),
                (after, size) -> queries.ofClinic(clinicId, list.date(), after, size), "monitoring-" + clinicId + ".csv");
    }

    /** The clinic list asked for, as its JSON pages and its CSV download read it: the period's date and the page. */
    private record ClinicList(Optional<LocalDate> date, Paging.Request page) {
    }

    /** Checks a request for the clinic list, in the same order for both forms: the caller's own clinic, the period, the page. */
    private static ClinicList clinicList(Caller caller, String clinicId, Optional<String> period, Paging.Query query) {
        if (caller.clinicId() == null || !clinicId.equals(caller.clinicId())) {
            throw new ClinicNotFoundException(clinicId);
        }
        Optional<LocalDate> date = dateOf(period);
        Paging.Request page = query.request(3);
        PatientAccess.touched(AccessLog.ALL_PATIENTS);
        return new ClinicList(date, page);
    }

    private static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);
    private static final LocalDate LATEST = LocalDate.of(2999, 12, 31);

    static Optional<LocalDate> dateOf(Optional<String> period) {
        if (period.isEmpty() || period.get().isEmpty() || period.get().equals("current")) {
            return Optional.empty();
        }
        try {
            LocalDate date = LocalDate.parse(period.get());
            if (!date.isBefore(EARLIEST) && !date.isAfter(LATEST)) {
                return Optional.of(date);
            }
        } catch (DateTimeException e) {
            // answered below
        }
        throw new InvalidParameterException("period", "must be current or a date (yyyy-MM-dd) from " + EARLIEST + " to " + LATEST);
    }
}
