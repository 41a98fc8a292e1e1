package org.backtrack.security.token;

import org.backtrack.security.TokenClaims;

import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Puts the configured claims ({@link TokenClaimNames}) under BackTrack's own names ({@link TokenClaims}), so that
 * everything after the decoder reads one vocabulary whatever the provider. A configured name is looked up as a
 * claim of exactly that name first (names like {@code https://example.org/roles} hold dots), then as a dotted path
 * into nested objects ({@code realm_access.roles}). A token's own claim under a BackTrack name is replaced, or
 * removed when the configured claim is absent: with a mapping configured, only the configured claim counts.
 */
public final class ClaimMapping {

    private final TokenClaimNames names;

    public ClaimMapping(TokenClaimNames names) {
        this.names = names;
    }

    public Map<String, Object> apply(Map<String, Object> claims) {
        Map<String, Object> mapped = new LinkedHashMap<>(claims);
        put(mapped, TokenClaims.CLINIC_ID, text(find(claims, names.clinic())));
        put(mapped, TokenClaims.PATIENT_ID, text(find(claims, names.patient())));
        put(mapped, TokenClaims.ROLES, roles(find(claims, names.roles())));
        return mapped;
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

    /** Only a plain string is an id; a list or an object under the clinic's claim is no clinic at all. */
    private static String text(Object value) {
        return value instanceof String string && !string.isBlank() ? string : null;
    }

    /** A list of names, or one string of names separated by spaces or commas (as some providers write scopes). */
    private static List<String> roles(Object value) {
        if (value instanceof Collection<?> names) {
            return names.stream().filter(String.class::isInstance).map(String.class::cast).toList();
        }
        if (value instanceof String names) {
            return Arrays.stream(names.split("[\\s,]+")).filter(name -> !name.isEmpty()).toList();
        }
        return null;
    }
}
