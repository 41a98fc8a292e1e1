package org.backtrack.issuer;

import java.util.List;
import java.util.Map;

/**
 * The claims of a BackTrack access token besides the standard ones. Must match what the services read
 * ({@code org.backtrack.security.TokenClaims}); the devstack system tests check the two agree end to end.
 */
final class BackTrackClaims {

    static final String AUDIENCE = "backtrack-api";
    static final String CLINIC_ID = "clinic_id";
    static final String PATIENT_ID = "patient_id";
    static final String ROLES = "roles";

    private BackTrackClaims() {
    }

    static void ofUser(Map<String, Object> claims, IssuerProperties.DemoUser user) {
        if (user.clinicId() != null) {
            claims.put(CLINIC_ID, user.clinicId());
        }
        if (user.patientId() != null) {
            claims.put(PATIENT_ID, user.patientId());
        }
        claims.put(ROLES, List.copyOf(user.roles()));
    }

    /** Machine clients are INTEGRATION; with a clinic they act for it, without one they see only shared content. */
    static void ofClient(Map<String, Object> claims, IssuerProperties.Client client) {
        if (client.clinicId() != null) {
            claims.put(CLINIC_ID, client.clinicId());
        }
        claims.put(ROLES, List.of("INTEGRATION"));
    }
}
