package org.backtrack.security.token;

import org.backtrack.events.ClaimPaths;
import org.backtrack.security.TokenClaims;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Puts the configured claims ({@link TokenClaimNames}) under BackTrack's own names ({@link TokenClaims}), so that
 * everything after the decoder reads one vocabulary whatever the provider, by the rule the gateway shares
 * ({@link ClaimPaths}): here the ids must be plain strings and the roles a list or one string of names.
 */
public final class ClaimMapping {

    private final TokenClaimNames names;

    public ClaimMapping(TokenClaimNames names) {
        this.names = names;
    }

    public Map<String, Object> apply(Map<String, Object> claims) {
        return ClaimPaths.underOwnNames(claims, names.clinic(), names.patient(), names.roles(),
                (name, value) -> TokenClaims.ROLES.equals(name) ? roles(value) : text(value));
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
