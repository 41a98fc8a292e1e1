package org.backtrack.gateway;

import org.backtrack.events.ClaimPaths;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.util.Map;

/**
 * Which claims of the provider's tokens and ID tokens hold the clinic, patient and roles
 * ({@code backtrack.security.claims.*}, the same settings the services read). {@link #normalize} puts them under
 * BackTrack's own names ({@code clinic_id}, {@code patient_id}, {@code roles}), which the dashboard and the rate limits
 * read, by the services' rule ({@link ClaimPaths}), taking the values as they are.
 */
@ConfigurationProperties("backtrack.security.claims")
public record ClaimNames(@DefaultValue(CLINIC_ID) String clinic, @DefaultValue(PATIENT_ID) String patient,
                         @DefaultValue(ROLES) String roles) {

    public static final String CLINIC_ID = ClaimPaths.CLINIC_ID;
    public static final String PATIENT_ID = ClaimPaths.PATIENT_ID;
    public static final String ROLES = ClaimPaths.ROLES;
    public static final ClaimNames DEFAULTS = new ClaimNames(CLINIC_ID, PATIENT_ID, ROLES);

    /** The claims with the configured ones under BackTrack's names; a token's own claim of such a name is replaced or dropped. */
    public Map<String, Object> normalize(Map<String, Object> claims) {
        return ClaimPaths.underOwnNames(claims, clinic, patient, roles, (name, value) -> value);
    }
}
