package org.backtrack.progress.readmodel;

import jakarta.annotation.security.RolesAllowed;
import org.backtrack.security.Role;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.stereotype.Component;

/**
 * {@code GET /actuator/readmodels}: the {@link ReadModelCheck} for operators (platform admins). It reads every
 * recorded session, so it is an after-incident tool, not a health probe.
 */
@Component
@Endpoint(id = "readmodels")
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class ReadModelEndpoint {

    private final ReadModelCheck check;

    @ReadOperation
    @RolesAllowed(Role.PLATFORM_ADMIN_NAME)
    public ReadModelCheck.Report check() {
        return check.check();
    }
}
