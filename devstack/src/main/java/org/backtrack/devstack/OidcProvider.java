package org.backtrack.devstack;

import java.util.List;
import java.util.Map;

/**
 * An OpenID Connect provider in place of the local issuer (a Keycloak realm, say): the suite then starts without
 * local-issuer and without the Spring profile {@code demo}, so no demo secret is accepted, and every service and the
 * gateway use the provider's endpoints and the clients' real secrets. For tests of the suite against a real provider.
 *
 * @param issuerUrl            {@code iss} of its tokens, as browsers reach it
 * @param authorizationUri     where the gateway sends browsers to sign in
 * @param tokenUri             where the gateway gets tokens
 * @param jwkSetUri            its signing keys
 * @param userInfoUri          the gateway's user-info endpoint
 * @param gatewayClientSecret  the secret of the gateway's login client {@code backtrack-gateway}
 */
public record OidcProvider(String issuerUrl, String authorizationUri, String tokenUri, String jwkSetUri, String userInfoUri,
                           String gatewayClientSecret) {

    /** A Keycloak realm's endpoints, from its issuer URL ({@code http://host:port/realms/<realm>}). */
    public static OidcProvider keycloak(String realmUrl, String gatewayClientSecret) {
        String oidc = realmUrl + "/protocol/openid-connect";
        return new OidcProvider(realmUrl, oidc + "/auth", oidc + "/token", oidc + "/certs", oidc + "/userinfo",
                gatewayClientSecret);
    }

    /** What every resource server needs: whose tokens to accept and where their keys are. */
    List<String> resourceServerProperties() {
        return List.of("--spring.security.oauth2.resourceserver.jwt.issuer-uri=" + issuerUrl,
                "--spring.security.oauth2.resourceserver.jwt.jwk-set-uri=" + jwkSetUri);
    }

    List<String> gatewayProperties() {
        return List.of("--backtrack.issuer.url=" + issuerUrl,
                "--spring.security.oauth2.client.provider.backtrack.authorization-uri=" + authorizationUri,
                "--spring.security.oauth2.client.provider.backtrack.token-uri=" + tokenUri,
                "--spring.security.oauth2.client.provider.backtrack.jwk-set-uri=" + jwkSetUri,
                "--spring.security.oauth2.client.provider.backtrack.user-info-uri=" + userInfoUri);
    }

    /** Secrets as environment variables, out of the process list. */
    Map<String, String> gatewayEnvironment() {
        return Map.of("SPRING_SECURITY_OAUTH2_CLIENT_REGISTRATION_BACKTRACK_CLIENTSECRET", gatewayClientSecret);
    }
}
