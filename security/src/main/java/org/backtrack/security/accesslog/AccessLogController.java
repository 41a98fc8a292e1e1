package org.backtrack.security.accesslog;

import org.backtrack.problems.InvalidParameterException;
import org.backtrack.security.Caller;
import org.backtrack.paging.Paging;
import org.backtrack.security.Role;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.annotation.security.RolesAllowed;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

/** The access log of this service, for the administrators of the caller's clinic. */
@RestController
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class AccessLogController {

    static final int DEFAULT_SIZE = 100;
    static final int MAX_SIZE = 500;

    private final AccessLog accessLog;

    @Operation(summary = "Who read or changed which patient's data in this service",
            description = "Newest first, paged backwards: at most `size` entries (default " + DEFAULT_SIZE + ", 1 to " + MAX_SIZE
                    + "); when older entries exist, an RFC 8288 `Link: <...>; rel=\"next\"` header gives the URL of the next "
                    + "(older) page, which carries `before`, a cursor that stays right while new entries are written. Entries "
                    + "with patientId \"*\" are clinic overviews. Entries are kept for `backtrack.access-log.retention` "
                    + "(400 days unless configured). Clinic administrators only, their own clinic only.",
            responses = @ApiResponse(responseCode = "200", description = "A page of entries, newest first",
                    headers = @Header(name = "Link", description = "`<url>; rel=\"next\"` when older entries exist")))
    @RolesAllowed(Role.CLINIC_ADMIN_NAME)
    @GetMapping("/api/v1/access-log/${spring.application.name}")
    ResponseEntity<List<AccessLog.Entry>> entries(Caller caller, @RequestParam Optional<String> patientId, @RequestParam Optional<String> user,
            @RequestParam Optional<String> since,
            @Parameter(description = "The cursor of the next page, from the Link header") @RequestParam(AccessLog.BEFORE) Optional<String> before,
            @Parameter(description = "Entries per page, 1 to " + MAX_SIZE) @RequestParam Optional<String> size,
            @Parameter(description = "The former name of size", deprecated = true) @RequestParam Optional<String> limit) {
        int pageSize = size.isPresent() ? Paging.size("size", size.get(), DEFAULT_SIZE, MAX_SIZE)
                : Paging.size("limit", limit.orElse(null), DEFAULT_SIZE, MAX_SIZE);
        Optional<Instant> from;
        try {
            from = since.map(Instant::parse);
        } catch (DateTimeParseException e) {
            throw new InvalidParameterException("since", "must be an RFC 3339 instant");
        }
        if (from.isPresent() && !Paging.isStorable(from.get())) {
            throw new InvalidParameterException("since", "must be an RFC 3339 instant in the years 1 to 9999");
        }
        Optional<Paging.Cursor> cursor = Paging.Cursor.decode(AccessLog.BEFORE, before.orElse(null), 2);
        Paging.Page<AccessLog.Entry> page = accessLog.page(caller.clinicId(), patientId, user, from, cursor, pageSize);
        return ResponseEntity.ok().headers(Paging.linkToNext(page.next(), AccessLog.BEFORE)).body(page.items());
    }
}
