package org.backtrack.progress.clinics.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.annotation.security.RolesAllowed;
import org.backtrack.problems.InvalidParameterException;
import org.backtrack.progress.clinics.ClinicSettings;
import org.backtrack.progress.clinics.rules.ClinicTimeZone;
import org.backtrack.progress.patients.ClinicNotFoundException;
import org.backtrack.progress.readmodel.ClinicDaysRecount;
import org.backtrack.security.Caller;
import org.backtrack.security.Role;
import lombok.RequiredArgsConstructor;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.time.ZoneId;

@RestController
@RequiredArgsConstructor
class ClinicSettingsController {

    private final ClinicSettings settings;
    private final ClinicDaysRecount recount;

    /** The settings a clinic administrator sets. */
    record SettingsChange(@Schema(description = "An IANA time zone region id, e.g. `America/New_York`",
            requiredMode = Schema.RequiredMode.REQUIRED, maxLength = ClinicTimeZone.MAX_LENGTH, example = "America/New_York")
                          String timeZone) {
    }

    @Operation(summary = "The clinic's settings", description = "The clinic's time zone (an IANA region id, `UTC` until an "
            + "administrator sets one): the calendar day of every day counted for the clinic (daily series, trend and "
            + "status, red flags' two weeks, adherence, monitoring days, outcomes). Only the caller's own clinic; any other "
            + "clinic id answers 404.")
    @RolesAllowed({Role.CLINICIAN_NAME, Role.CLINIC_ADMIN_NAME, Role.INTEGRATION_NAME})
    @GetMapping("/api/v1/clinics/{clinicId}/settings")
    ClinicSettings.Settings get(Caller caller, @PathVariable String clinicId) {
        return settings.of(ownClinic(caller, clinicId));
    }

    @Operation(summary = "Set the clinic's settings", description = "Sets the clinic's time zone, an IANA region id such as "
            + "`America/New_York` or `Europe/Berlin` (fixed offsets and unknown ids answer 400 naming `timeZone`). Every day "
            + "counted for the clinic is counted in it from then on: what is worked out at read time (progress documents, "
            + "monitoring, outcomes) at the next read; the stored overview summaries and the published statuses of the "
            + "clinic's patients are recomputed from their read models before this answers (a status the new days change is "
            + "published on `backtrack.progress`; repeating the same PUT repeats the recount, harmlessly). Clinic administrators of that clinic only; any other clinic id answers 404.")
    @RolesAllowed(Role.CLINIC_ADMIN_NAME)
    @PutMapping("/api/v1/clinics/{clinicId}/settings")
    ClinicSettings.Settings put(Caller caller, @PathVariable String clinicId, @RequestBody(required = false) SettingsChange body) {
        String own = ownClinic(caller, clinicId);
        ZoneId zone = ClinicTimeZone.of(body == null ? null : body.timeZone()).orElseThrow(() -> new InvalidParameterException(
                "timeZone", "must be an IANA time zone region id such as America/New_York"));
        ClinicSettings.Settings set = settings.setTimeZone(own, zone, caller.subject());
        // every time, not only on a change: idempotent, so a PUT repeated after a failure here finishes the recount
        recount.recount(own);
        return set;
    }

    private static String ownClinic(Caller caller, String clinicId) {
        if (caller.clinicId() == null || !clinicId.equals(caller.clinicId())) {
            throw new ClinicNotFoundException(clinicId);
        }
        return clinicId;
    }
}
