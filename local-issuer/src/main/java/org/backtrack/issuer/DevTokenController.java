package org.backtrack.issuer;

import lombok.RequiredArgsConstructor;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A convenience of the local issuer only: a demo user's access token for curl, in exchange for their username and
 * password. Real identity providers offer the authorization code or device flow instead; the token is the same.
 */
@RestController
@RequiredArgsConstructor
class DevTokenController {

    private final IssuerProperties properties;
    private final JwtEncoder encoder;

    @PostMapping("/dev/token")
    Map<String, Object> token(@RequestParam String username, @RequestParam String password) {
        IssuerProperties.DemoUser user = properties.user(username)
                .filter(u -> MessageDigest.isEqual(u.password().getBytes(StandardCharsets.UTF_8), password.getBytes(StandardCharsets.UTF_8)))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.UNAUTHORIZED, "unknown user or wrong password"));
        Instant now = Instant.now();
        JwtClaimsSet.Builder claims = JwtClaimsSet.builder().issuer(properties.url()).subject(user.username())
                .audience(List.of(BackTrackClaims.AUDIENCE)).issuedAt(now).notBefore(now)
                .expiresAt(now.plus(AuthorizationServerSetup.ACCESS_TOKEN_LIFETIME)).id(UUID.randomUUID().toString());
        claims.claims(c -> BackTrackClaims.ofUser(c, user));
        String token = encoder.encode(JwtEncoderParameters.from(JwsHeader.with(SignatureAlgorithm.RS256).type("JWT").build(),
                claims.build())).getTokenValue();
        return Map.of("access_token", token, "token_type", "Bearer",
                "expires_in", AuthorizationServerSetup.ACCESS_TOKEN_LIFETIME.toSeconds());
    }
}
