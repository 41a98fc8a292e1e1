package org.backtrack.security;

/**
 * What a token may do. Tokens carry role names in the {@value TokenClaims#ROLES} claim; method security sees them
 * as authorities {@code ROLE_<name>}. The string constants exist for {@code @RolesAllowed}.
 */
public enum Role {
    /** Clinic staff: every patient of their own clinic. */
    CLINICIAN,
    /** A clinician who also administers the clinic: the access log. */
    CLINIC_ADMIN,
    /** One patient: their own data only. */
    PATIENT,
    /** A machine client of one clinic (a booking system, a patient app backend): logs sessions, reads progress. */
    INTEGRATION,
    /** BackTrack's own content team: the built-in catalog, no patient data. */
    PLATFORM_ADMIN;

    public static final String CLINICIAN_NAME = "CLINICIAN";
    public static final String CLINIC_ADMIN_NAME = "CLINIC_ADMIN";
    public static final String PATIENT_NAME = "PATIENT";
    public static final String INTEGRATION_NAME = "INTEGRATION";
    public static final String PLATFORM_ADMIN_NAME = "PLATFORM_ADMIN";

    /** Roles that act for a whole clinic rather than for one patient. */
    public boolean clinicWide() {
        return this == CLINICIAN || this == CLINIC_ADMIN || this == INTEGRATION;
    }
}
