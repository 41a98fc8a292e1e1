package org.backtrack.security.token;

import org.backtrack.security.TokenClaims;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Which claims of the provider's access tokens hold the caller's clinic, patient and roles
 * ({@code backtrack.security.claims.*}). The defaults are BackTrack's own names ({@link TokenClaims}); a provider that
 * puts them elsewhere is configured here rather than made to copy them, e.g. Keycloak's built-in realm roles
 * {@code realm_access.roles}.
 *
 * @param clinic  the claim holding the clinic id
 * @param patient the claim holding a patient token's patient id
 * @param roles   the claim holding the role names, a list or one space- or comma-separated string
 */
@ConfigurationProperties("backtrack.security.claims")
public record TokenClaimNames(@DefaultValue(TokenClaims.CLINIC_ID) String clinic,
                             @DefaultValue(TokenClaims.PATIENT_ID) String patient,
                             @DefaultValue(TokenClaims.ROLES) String roles) {

    public static final TokenClaimNames DEFAULTS = new TokenClaimNames(TokenClaims.CLINIC_ID, TokenClaims.PATIENT_ID, TokenClaims.ROLES);

    public TokenClaimNames {
        for (String name : new String[]{clinic, patient, roles}) {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("backtrack.security.claims.clinic, .patient and .roles must name a claim");
            }
        }
    }
}
