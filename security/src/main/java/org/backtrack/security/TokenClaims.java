package org.backtrack.security;

import org.backtrack.events.ClaimPaths;

/** The claims BackTrack reads from an access token besides the standard ones (iss, sub, aud, exp, iat, nbf). */
public final class TokenClaims {

    /** The audience every BackTrack access token must name. */
    public static final String AUDIENCE = "backtrack-api";
    /** The caller's clinic; absent only for platform administrators. */
    public static final String CLINIC_ID = ClaimPaths.CLINIC_ID;
    /** The patient a PATIENT token speaks for. */
    public static final String PATIENT_ID = ClaimPaths.PATIENT_ID;
    /** Role names, see {@link Role}. */
    public static final String ROLES = ClaimPaths.ROLES;

    private TokenClaims() {
    }
}
