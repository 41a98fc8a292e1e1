package org.backtrack.progress.fhir.web;

import ca.uhn.fhir.context.FhirContext;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import org.backtrack.paging.Paging;
import org.backtrack.problems.ErrorAnswer;
import org.backtrack.progress.fhir.CarePlanMapping;
import org.backtrack.progress.fhir.Capabilities;
import org.backtrack.progress.fhir.ObservationSearch;
import org.backtrack.progress.fhir.RoutineService;
import org.backtrack.progress.fhir.rules.DateRange;
import org.backtrack.progress.fhir.rules.PatientReference;
import org.backtrack.progress.fhir.rules.ResultCount;
import org.backtrack.progress.patients.PatientNotFoundException;
import org.backtrack.security.Caller;
import org.backtrack.security.Role;
import org.backtrack.security.accesslog.PatientAccess;
import org.backtrack.security.request.SecurityProblems;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.Resource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * FHIR R4 searches over a patient's data (issue 20), authorized exactly like the patient's progress: the caller's
 * role first ({@code @RolesAllowed}), then whether the caller may name the patient at all (a patient token: only
 * itself), and then only the caller's clinic's data is read. Another clinic's patient, another patient for a patient
 * token and an unknown id all answer the same 404. Every success is in the access log like a progress read.
 */
@RestController
class FhirController {

    static final String BASE = "/fhir/r4";
    static final MediaType FHIR_JSON = MediaType.parseMediaType(SecurityProblems.FHIR_JSON + ";charset=UTF-8");
    private static final String PATIENT_DOC = "The patient: `<id>` or `Patient/<id>` (required)";
    private static final String COUNT_DOC = "Matches per page, 1 to " + ResultCount.MAX + " (default " + ResultCount.DEFAULT
            + "; larger values are served with " + ResultCount.MAX + ")";

    private final FhirContext fhir;
    private final ObservationSearch observations;
    private final RoutineService routines;
    private final String configuredBase;
    private final Date started;

    FhirController(FhirContext fhir, ObservationSearch observations, RoutineService routines,
                   @Value("${backtrack.fhir.base-url:}") String configuredBase, Clock clock) {
        this.fhir = fhir;
        this.observations = observations;
        this.routines = routines;
        this.configuredBase = configuredBase.endsWith("/") ? configuredBase.substring(0, configuredBase.length() - 1) : configuredBase;
        this.started = Date.from(clock.instant());
    }

    @Operation(summary = "FHIR CapabilityStatement", description = "What the FHIR R4 endpoint offers (Observation and "
            + "CarePlan searches by patient). Public, as FHIR servers' metadata usually is: it holds no patient data.",
            responses = @ApiResponse(responseCode = "200", description = "The CapabilityStatement",
                    content = @Content(mediaType = SecurityProblems.FHIR_JSON, schema = @Schema(type = "object"))))
    @PermitAll
    @GetMapping(BASE + "/metadata")
    ResponseEntity<String> metadata() {
        CapabilityStatement statement = Capabilities.statement(started, base());
        return answer(statement);
    }

    @Operation(summary = "FHIR Observations of a patient's sessions", description = "A searchset Bundle: per session "
            + "(after corrections and deduplication, as in the progress series) the pain before and after (LOINC 72514-3 "
            + "with BackTrack's `pain-before-session` / `pain-after-session` coding) and, when reported, the red-flag "
            + "symptoms as one Observation with a boolean component each; ordered by `completedAt`. `date` filters on "
            + "`completedAt` (`ge`, `gt`, `le`, `lt`, `eq`, `sa`, `eb`; repeat it for a range). Paged by `_count` and the "
            + "Bundle's `next` link. Errors are OperationOutcomes. See docs/integration.md.",
            responses = @ApiResponse(responseCode = "200", description = "A searchset Bundle of Observations",
                    content = @Content(mediaType = SecurityProblems.FHIR_JSON, schema = @Schema(type = "object"))))
    @ErrorAnswer(status = 404, when = "No such patient in the caller's reach (another clinic's, or another patient for a patient token, answers the same)")
    @RolesAllowed({Role.CLINICIAN_NAME, Role.CLINIC_ADMIN_NAME, Role.INTEGRATION_NAME, Role.PATIENT_NAME})
    @GetMapping(BASE + "/Observation")
    ResponseEntity<String> observations(Caller caller,
            @Parameter(description = PATIENT_DOC, required = true) @RequestParam(required = false) List<String> patient,
            @Parameter(description = "`completedAt` range: a prefix (eq, ge, gt, le, lt, sa, eb) and yyyy, yyyy-MM, "
                    + "yyyy-MM-dd (UTC) or a date-time with a zone; may be repeated") @RequestParam(required = false) List<String> date,
            @Parameter(description = COUNT_DOC) @RequestParam(name = ResultCount.PARAMETER, required = false) String count,
            @Parameter(description = "Where the page starts: taken from the Bundle's next link")
            @RequestParam(name = ObservationSearch.CURSOR, required = false) String cursor) {
        String patientId = PatientReference.patientId(patient);
        DateRange range = DateRange.of(date);
        int size = ResultCount.of(count);
        Optional<ObservationSearch.Position> after = Paging.Cursor.decode(ObservationSearch.CURSOR, cursor, 3)
                .map(ObservationSearch.Position::of);
        // authorized before anything is loaded, and then only the caller's clinic's data is looked up
        if (!caller.mayName(patientId)) {
            throw new PatientNotFoundException(patientId);
        }
        ObservationSearch.Page page = observations.search(caller.clinicId(), patientId, range, after, size)
                .orElseThrow(() -> new PatientNotFoundException(patientId));
        Bundle bundle = searchset();
        StringBuilder self = new StringBuilder(base()).append("/Observation?").append(PatientReference.PARAMETER).append('=')
                .append(query(patientId));
        if (date != null) {
            date.forEach(d -> self.append('&').append(DateRange.PARAMETER).append('=').append(query(d)));
        }
        self.append('&').append(ResultCount.PARAMETER).append('=').append(size);
        String first = self.toString();
        bundle.addLink().setRelation("self").setUrl(cursor == null || cursor.isEmpty() ? first
                : first + "&" + ObservationSearch.CURSOR + "=" + query(cursor));
        page.next().ifPresent(next -> bundle.addLink().setRelation("next")
                .setUrl(first + "&" + ObservationSearch.CURSOR + "=" + next.encode()));
        page.observations().forEach(observation -> addMatch(bundle, observation));
        PatientAccess.touched(patientId);
        return answer(bundle);
    }

    @Operation(summary = "FHIR CarePlan of a patient", description = "A searchset Bundle with the patient's one CarePlan: "
            + "the program's stage and focus regions (routine-service's) as categories, and the latest routine's exercises "
            + "as activities. Asked of routine-service with the caller's token; when it cannot be reached the answer is "
            + "503 with an OperationOutcome (transient). See docs/integration.md.",
            responses = @ApiResponse(responseCode = "200", description = "A searchset Bundle with one CarePlan",
                    content = @Content(mediaType = SecurityProblems.FHIR_JSON, schema = @Schema(type = "object"))))
    @ErrorAnswer(status = 404, when = "No such patient in the caller's reach (another clinic's, or another patient for a patient token, answers the same)")
    @ErrorAnswer(status = 503, when = "routine-service, which holds programs and routines, cannot be reached; try again")
    @RolesAllowed({Role.CLINICIAN_NAME, Role.CLINIC_ADMIN_NAME, Role.INTEGRATION_NAME, Role.PATIENT_NAME})
    @GetMapping(BASE + "/CarePlan")
    ResponseEntity<String> carePlans(Caller caller,
            @Parameter(description = PATIENT_DOC, required = true) @RequestParam(required = false) List<String> patient,
            @Parameter(description = COUNT_DOC) @RequestParam(name = ResultCount.PARAMETER, required = false) String count) {
        String patientId = PatientReference.patientId(patient);
        int size = ResultCount.of(count);
        if (!caller.mayName(patientId)) {
            throw new PatientNotFoundException(patientId);
        }
        RoutineService.Program program = routines.programOf(patientId);
        Optional<RoutineService.Routine> latest = routines.latestRoutineOf(patientId);
        Bundle bundle = searchset();
        bundle.addLink().setRelation("self").setUrl(base() + "/CarePlan?" + PatientReference.PARAMETER + "=" + query(patientId)
                + "&" + ResultCount.PARAMETER + "=" + size);
        addMatch(bundle, CarePlanMapping.of(caller.clinicId(), patientId, program, latest));
        PatientAccess.touched(patientId);
        return answer(bundle);
    }

    /** A query parameter's value, percent-encoded (a {@code +} of a zone stays a plus, not a space). */
    private static String query(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static Bundle searchset() {
        Bundle bundle = new Bundle();
        bundle.setId(UUID.randomUUID().toString());
        bundle.setType(Bundle.BundleType.SEARCHSET);
        bundle.getMeta().setLastUpdated(Date.from(Instant.now()));
        return bundle;
    }

    private void addMatch(Bundle bundle, Resource resource) {
        bundle.addEntry().setFullUrl(base() + "/" + resource.fhirType() + "/" + resource.getIdElement().getIdPart())
                .setResource(resource).getSearch().setMode(Bundle.SearchEntryMode.MATCH);
    }

    private ResponseEntity<String> answer(Resource resource) {
        return ResponseEntity.ok().contentType(FHIR_JSON).body(fhir.newJsonParser().encodeResourceToString(resource));
    }

    /**
     * The endpoint's absolute base URL: {@code backtrack.fhir.base-url} when set (the public URL through the gateway,
     * e.g. {@code https://backtrack.clinic.example/fhir/r4}), else this service's own as the request reached it.
     */
    String base() {
        return configuredBase.isEmpty() ? ServletUriComponentsBuilder.fromCurrentContextPath().path(BASE).build().toUriString()
                : configuredBase;
    }
}
