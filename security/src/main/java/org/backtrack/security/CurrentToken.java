package org.backtrack.security;

import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/** The verified bearer token of the current request, for relaying it to another service on the caller's behalf. */
public final class CurrentToken {

    private CurrentToken() {
    }

    /** {@code Bearer <token>}, as the Authorization header of a relayed call. */
    public static String authorizationHeader() {
        if (SecurityContextHolder.getContext().getAuthentication() instanceof JwtAuthenticationToken token) {
            return "Bearer " + token.getToken().getTokenValue();
        }
        throw new AuthenticationCredentialsNotFoundException("No bearer token to relay");
    }
}
