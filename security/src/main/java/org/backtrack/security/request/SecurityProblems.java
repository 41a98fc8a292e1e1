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
 * The detail says what is missing, never why a signature failed beyond the standard error code. Under
 * {@value #FHIR_PATHS} (progress-service's FHIR R4 API) the same answers are FHIR OperationOutcomes in
 * {@value #FHIR_JSON}, as FHIR clients expect.
 */
public final class SecurityProblems implements AuthenticationEntryPoint, AccessDeniedHandler {

    /** Requests under this path prefix are FHIR's: their errors are OperationOutcomes. */
    public static final String FHIR_PATHS = "/fhir/";
    public static final String FHIR_JSON = "application/fhir+json";

    private final BearerTokenAuthenticationEntryPoint bearerEntryPoint = new BearerTokenAuthenticationEntryPoint();
    private final BearerTokenAccessDeniedHandler bearerDenied = new BearerTokenAccessDeniedHandler();

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e) throws IOException {
        bearerEntryPoint.commence(request, response, e);
        boolean hadToken = request.getHeader("Authorization") != null;
        write(request, response, HttpStatus.UNAUTHORIZED, "Authentication required", hadToken
                ? "The bearer token is invalid, expired, or not meant for BackTrack."
                : "Send an access token: Authorization: Bearer <token>.");
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e) throws IOException {
        bearerDenied.handle(request, response, e);
        write(request, response, HttpStatus.FORBIDDEN, "Not allowed", "Your role does not allow this operation.");
    }

    /**
     * Writes a problem document where no MVC exception handler runs (filters, the security entry points). The
     * texts are this module's own constants, free of characters JSON would need escaped.
     */
    public static void write(HttpServletResponse response, HttpStatus status, String title, String detail) throws IOException {
        write(response, status, title, detail, "");
    }

    /** {@link #write(HttpServletResponse, HttpStatus, String, String)}, as an OperationOutcome for a FHIR request. */
    public static void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String title,
                             String detail) throws IOException {
        if (isFhir(request)) {
            writeOutcome(response, status, title + ": " + detail, null);
        } else {
            write(response, status, title, detail);
        }
    }

    /** Whether the request is one of the FHIR API's, whose errors are OperationOutcomes. */
    public static boolean isFhir(HttpServletRequest request) {
        String uri = request.getRequestURI();
        return uri != null && uri.startsWith(FHIR_PATHS);
    }

    /** {@link #writeInvalidField(HttpServletResponse, String, String)}, as an OperationOutcome for a FHIR request. */
    static void writeInvalidField(HttpServletRequest request, HttpServletResponse response, String field, String message)
            throws IOException {
        if (isFhir(request)) {
            writeOutcome(response, HttpStatus.BAD_REQUEST, field + ": " + message, field);
        } else {
            writeInvalidField(response, field, message);
        }
    }

    /**
     * A FHIR R4 OperationOutcome with one error issue: its code from the status ({@code login}, {@code forbidden},
     * {@code invalid}, {@code too-costly}, {@code not-supported}, ...), the text as diagnostics and the parameter at
     * fault, if any, as expression. The texts are this module's constants and parameter names the code chose.
     */
    static void writeOutcome(HttpServletResponse response, HttpStatus status, String diagnostics, String parameter)
            throws IOException {
        response.setStatus(status.value());
        response.setContentType(FHIR_JSON + ";charset=UTF-8");
        String expression = parameter == null ? "" : ",\"expression\":[\"" + parameter + "\"]";
        response.getOutputStream().write(("{\"resourceType\":\"OperationOutcome\",\"issue\":[{\"severity\":\"error\",\"code\":\""
                + issueCode(status) + "\",\"diagnostics\":\"" + diagnostics + "\"" + expression + "}]}")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** The OperationOutcome issue type (http://hl7.org/fhir/issue-type) of an HTTP status. */
    public static String issueCode(HttpStatus status) {
        return switch (status) {
            case UNAUTHORIZED -> "login";
            case FORBIDDEN -> "forbidden";
            case NOT_FOUND -> "not-found";
            case CONTENT_TOO_LARGE -> "too-costly";
            case UNSUPPORTED_MEDIA_TYPE, NOT_ACCEPTABLE, METHOD_NOT_ALLOWED -> "not-supported";
            case TOO_MANY_REQUESTS -> "throttled";
            case SERVICE_UNAVAILABLE, GATEWAY_TIMEOUT -> "transient";
            default -> status.is4xxClientError() ? "invalid" : "exception";
        };
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
