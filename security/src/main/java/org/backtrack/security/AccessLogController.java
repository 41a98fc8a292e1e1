package org.backtrack.security;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.annotation.security.RolesAllowed;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

/** The access log of this service, for the administrators of the caller's clinic. */
@RestController
class AccessLogController {

    static final int MAX_LIMIT = 500;

    private final AccessLog accessLog;

    AccessLogController(AccessLog accessLog) {
        this.accessLog = accessLog;
    }

    @Operation(summary = "Who read or changed which patient's data in this service",
            description = "Newest first; entries with patientId \"*\" are clinic overviews. Clinic administrators only, "
                    + "their own clinic only.")
    @RolesAllowed(Role.CLINIC_ADMIN_NAME)
    @GetMapping("/api/v1/access-log/${spring.application.name}")
    List<AccessLog.Entry> entries(Caller caller, @RequestParam Optional<String> patientId, @RequestParam Optional<String> user,
                                  @RequestParam Optional<String> since, @RequestParam(defaultValue = "100") int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "limit: must be from 1 to " + MAX_LIMIT);
        }
        Optional<Instant> from;
        try {
            from = since.map(Instant::parse);
        } catch (DateTimeParseException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "since: must be an RFC 3339 instant");
        }
        return accessLog.of(caller.clinicId(), patientId, user, from, limit);
    }
}
