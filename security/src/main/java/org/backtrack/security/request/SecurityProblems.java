package org.backtrack.security.request;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

import java.io.IOException;

/**
 * 401 and 403 as RFC 9457 problem documents, keeping the standard {@code WWW-Authenticate} header of RFC 6750.
 * The detail says what is missing, never why a signature failed beyond the standard error code.
 */
public final class SecurityProblems implements AuthenticationEntryPoint, AccessDeniedHandler {

    private final BearerTokenAuthenticationEntryPoint bearerEntryPoint = new BearerTokenAuthenticationEntryPoint();
    private final BearerTokenAccessDeniedHandler bearerDenied = new BearerTokenAccessDeniedHandler();

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e) throws IOException {
        bearerEntryPoint.commence(request, response, e);
        boolean hadToken = request.getHeader("Authorization") != null;
        write(response, HttpStatus.UNAUTHORIZED, "Authentication required", hadToken
                ? "The bearer token is invalid, expired, or not meant for BackTrack."
                : "Send an access token: Authorization: Bearer <token>.");
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e) throws IOException {
        bearerDenied.handle(request, response, e);
        write(response, HttpStatus.FORBIDDEN, "Not allowed", "Your role does not allow this operation.");
    }

    /**
     * Writes a problem document where no MVC exception handler runs (filters, the security entry points). The
     * texts are this module's own constants, free of characters JSON would need escaped.
     */
    public static void write(HttpServletResponse response, HttpStatus status, String title, String detail) throws IOException {
        write(response, status, title, detail, "");
    }

    /**
     * 400 naming one field, in the shape every service's handlers use ({@code errors: [{field, message}]}). The field
     * is a parameter or header name the code chose, and the message a constant: the rejected value is never echoed.
     */
    static void writeInvalidField(HttpServletResponse response, String field, String message) throws IOException {
        write(response, HttpStatus.BAD_REQUEST, "Invalid request", field + ": " + message,
                ",\"errors\":[{\"field\":\"" + field + "\",\"message\":\"" + message + "\"}]");
    }

    private static void write(HttpServletResponse response, HttpStatus status, String title, String detail, String more)
            throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getOutputStream().write(("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status.value()
                + ",\"detail\":\"" + detail + "\"" + more + "}").getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
