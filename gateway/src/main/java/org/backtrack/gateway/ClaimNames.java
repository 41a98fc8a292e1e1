package org.backtrack.gateway;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Which claims of the provider's tokens and ID tokens hold the clinic, patient and roles
 * ({@code backtrack.security.claims.*}, the same settings the services read). {@link #normalize} puts them under
 * BackTrack's own names ({@code clinic_id}, {@code patient_id}, {@code roles}), which the dashboard and the rate limits
 * read. A name is a claim of exactly that name, else a dotted path into nested claims ({@code realm_access.roles}),
 * as in the services' {@code ClaimMapping}; the gateway does not depend on the security module.
 */
@ConfigurationProperties("backtrack.security.claims")
public record ClaimNames(@DefaultValue(CLINIC_ID) String clinic, @DefaultValue(PATIENT_ID) String patient,
                         @DefaultValue(ROLES) String roles) {

    public static final String CLINIC_ID = "clinic_id";
    public static final String PATIENT_ID = "patient_id";
    public static final String ROLES = "roles";
    public static final ClaimNames DEFAULTS = new ClaimNames(CLINIC_ID, PATIENT_ID, ROLES);

    /** The claims with the configured ones under BackTrack's names; a token's own claim of such a name is replaced or dropped. */
    public Map<String, Object> normalize(Map<String, Object> claims) {
        Map<String, Object> normalized = new LinkedHashMap<>(claims);
        put(normalized, CLINIC_ID, find(claims, clinic));
        put(normalized, PATIENT_ID, find(claims, patient));
        put(normalized, ROLES, find(claims, roles));
        return normalized;
    }

    private static void put(Map<String, Object> claims, String name, Object value) {
        if (value == null) {
            claims.remove(name);
        } else {
            claims.put(name, value);
        }
    }

    static Object find(Map<String, Object> claims, String name) {
        if (claims.containsKey(name)) {
            return claims.get(name);
        }
        Object current = claims;
        for (String part : name.split("\\.", -1)) {
            if (!(current instanceof Map<?, ?> object) || !object.containsKey(part)) {
                return null;
            }
            current = object.get(part);
        }
        return current;
    }
}
