package org.backtrack.events;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Puts the claims a provider's tokens hold the clinic, patient and roles under ({@code backtrack.security.claims.*})
 * under BackTrack's own names ({@link #CLINIC_ID}, {@link #PATIENT_ID}, {@link #ROLES}). The one rule of the services'
 * token decoder and of the gateway (the dashboard and the rate limits), in plain Java here because the gateway does
 * not depend on the servlet-side {@code security} module. A configured name is a claim of exactly that name first
 * (names like {@code https://example.org/roles} hold dots), else a dotted path into nested objects
 * ({@code realm_access.roles}). A token's own claim under a BackTrack name is replaced, or removed when the configured
 * claim is absent: with a mapping configured, only the configured claim counts.
 */
public final class ClaimPaths {

    /** The caller's clinic; absent only for platform administrators. */
    public static final String CLINIC_ID = "clinic_id";
    /** The patient a PATIENT token speaks for. */
    public static final String PATIENT_ID = "patient_id";
    /** Role names. */
    public static final String ROLES = "roles";

    private ClaimPaths() {
    }

    /**
     * A copy of {@code claims} in which each of BackTrack's names holds what the configured claim holds, read by
     * {@code as} (given BackTrack's name and the value found); a name whose claim is absent, or that {@code as} reads
     * as null, is left out.
     */
    public static Map<String, Object> underOwnNames(Map<String, Object> claims, String clinic, String patient, String roles,
                                                    BiFunction<String, Object, Object> as) {
        Map<String, Object> mapped = new LinkedHashMap<>(claims);
        put(mapped, CLINIC_ID, as.apply(CLINIC_ID, find(claims, clinic)));
        put(mapped, PATIENT_ID, as.apply(PATIENT_ID, find(claims, patient)));
        put(mapped, ROLES, as.apply(ROLES, find(claims, roles)));
        return mapped;
    }

    private static void put(Map<String, Object> claims, String name, Object value) {
        if (value == null) {
            claims.remove(name);
        } else {
            claims.put(name, value);
        }
    }

    /** The claim of exactly this name, else the value at this dotted path; null when neither is there. */
    public static Object find(Map<String, Object> claims, String name) {
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
