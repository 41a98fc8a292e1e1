package org.backtrack.progress.patients.web;

import org.backtrack.csv.CsvDownload;
import org.backtrack.events.ProgressStatus;
import org.backtrack.progress.patients.ClinicNotFoundException;
import org.backtrack.progress.patients.PatientNotFoundException;
import org.backtrack.progress.patients.PatientProgress;
import org.backtrack.progress.patients.PatientSummary;
import org.backtrack.progress.patients.ProgressQueries;
import org.backtrack.progress.patients.SeriesWindow;
import org.backtrack.security.accesslog.AccessLog;
import org.backtrack.security.Caller;
import org.backtrack.problems.InvalidParameterException;
import org.backtrack.paging.Paging;
import org.backtrack.security.accesslog.PatientAccess;
import org.backtrack.security.Role;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.annotation.security.RolesAllowed;
import lombok.RequiredArgsConstructor;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;
import java.util.Optional;

@RestController
@RequiredArgsConstructor
class ProgressController {

    private final ProgressQueries queries;
    private final JsonMapper json;

    @Operation(summary = "A patient's progress", description = "Pain series, trend, status, alerts and suggestion. "
            + "`sessionCount`, status, trend, adherence, alerts and suggestion cover the whole history; `series` and `daily` "
            + "cover the clinic's days (in its time zone, `GET /api/v1/clinics/{clinicId}/settings`; UTC until set) from `from` to `to` (both inclusive; by default the last " + SeriesWindow.DEFAULT_DAYS
            + " days up to today, at most " + SeriesWindow.MAX_DAYS + " days), echoed as `seriesFrom` and `seriesTo`. "
            + "When older sessions exist, `links.next` and an RFC 8288 `Link: <...>; rel=\"next\"` header give the URL of "
            + "the window of the same length just before (it may hold no session when the patient paused that long). "
            + "A date that is not yyyy-MM-dd, `to` before `from` or a longer span answers 400 naming the parameter. "
            + "A patient of another clinic, or another patient for a patient token, answers 404 like an unknown one.",
            responses = @ApiResponse(responseCode = "200", description = "The progress document",
                    headers = @Header(name = "Link", description = "`<url>; rel=\"next\"`: the next (older) window, when any session is older")))
    @RolesAllowed({Role.CLINICIAN_NAME, Role.CLINIC_ADMIN_NAME, Role.INTEGRATION_NAME, Role.PATIENT_NAME})
    @GetMapping("/api/v1/patients/{patientId}/progress")
    ResponseEntity<PatientProgress> progress(Caller caller, @PathVariable String patientId,
            @Parameter(description = "First day of the series (yyyy-MM-dd, a day of the clinic's time zone); default " + SeriesWindow.DEFAULT_DAYS
                    + " days before `to`") @RequestParam Optional<String> from,
            @Parameter(description = "Last day of the series (yyyy-MM-dd, a day of the clinic's time zone); default today") @RequestParam Optional<String> to) {
        // authorized before anything is loaded, and then only the caller's clinic's data is looked up
        if (!caller.mayName(patientId)) {
            throw new PatientNotFoundException(patientId);
        }
        SeriesWindow window;
        try {
            window = SeriesWindow.of(from.orElse(null), to.orElse(null), queries.today(caller.clinicId()));
        } catch (SeriesWindow.InvalidWindowException e) {
            throw new InvalidParameterException(e.field(), e.getMessage());
        }
        PatientProgress progress = queries.progressOf(caller.clinicId(), patientId, window,
                        older -> Paging.currentUriWith("from", older.from().toString(), "to", older.to().toString()))
                .orElseThrow(() -> new PatientNotFoundException(patientId));
        HttpHeaders headers = new HttpHeaders();
        if (progress.links().next() != null) {
            headers.add(HttpHeaders.LINK, "<" + progress.links().next() + ">; rel=\"next\"");
        }
        return ResponseEntity.ok().headers(headers).body(progress);
    }

    @Operation(summary = "The clinic's patients, who needs attention first", description = "Only the caller's own clinic; "
            + "any other clinic id answers 404. Read from each patient's stored summary (kept current as sessions arrive): "
            + "status, trend, suggestion and alerts are as of the patient's last session (as published on backtrack.progress), "
            + "while disengagement (no session for 3 or 14 days), needsAttention and the sessions of the last seven days are "
            + "worked out at the time of the request. Order: patients needing attention first (red flag, worsening, plateau, "
            + "then other statuses when disengaged), by status (RED_FLAG, WORSENING, PLATEAU, INSUFFICIENT_DATA, IMPROVING, "
            + "RECOVERED), then patient id. Paged: at most `size` patients (default " + Paging.DEFAULT_SIZE + ", 1 to "
            + Paging.MAX_SIZE + "); when more follow, an RFC 8288 `Link: <...>; rel=\"next\"` header gives the next page, whose "
            + "`cursor` keeps the first page's time, so every page of one listing groups patients alike." + CsvDownload.DESCRIBED,
            responses = @ApiResponse(responseCode = "200", description = "A page of patients",
                    headers = @Header(name = "Link", description = Paging.LINK_TO_NEXT)))
    @RolesAllowed({Role.CLINICIAN_NAME, Role.CLINIC_ADMIN_NAME, Role.INTEGRATION_NAME})
    @GetMapping("/api/v1/clinics/{clinicId}/patients")
    ResponseEntity<List<PatientSummary>> overview(Caller caller, @PathVariable String clinicId, @RequestParam Optional<ProgressStatus> status,
                                                  @ParameterObject Paging.Query query) {
        if (!clinicId.equals(caller.clinicId())) {
            throw new ClinicNotFoundException(clinicId);
        }
        Paging.Request page = query.request(4);
        Paging.Page<PatientSummary> patients = queries.overviewOf(clinicId, status, page.after(), page.size());
        PatientAccess.touched(AccessLog.ALL_PATIENTS);
        return Paging.answer(patients);
    }

    @Operation(summary = "The clinic's patients as CSV", description = "The overview's rows in its order, read as its pages "
            + "are." + CsvDownload.DESCRIBED)
    @RolesAllowed({Role.CLINICIAN_NAME, Role.CLINIC_ADMIN_NAME, Role.INTEGRATION_NAME})
    @GetMapping(path = {"/api/v1/clinics/{clinicId}/patients", "/api/v1/clinics/{clinicId}/patients.csv"},
            produces = CsvDownload.MEDIA_TYPE_VALUE)
    ResponseEntity<String> overviewAsCsv(Caller caller, @PathVariable String clinicId, @RequestParam Optional<ProgressStatus> status,
                                         @ParameterObject Paging.Query query) {
        if (!clinicId.equals(caller.clinicId())) {
            throw new ClinicNotFoundException(clinicId);
        }
        Paging.Request from = query.request(4);
        PatientAccess.touched(AccessLog.ALL_PATIENTS);
        return CsvDownload.of(json, PatientSummary.class, from.after(),
                (after, size) -> queries.overviewOf(clinicId, status, after, size), "patients-" + clinicId + ".csv");
    }
}
