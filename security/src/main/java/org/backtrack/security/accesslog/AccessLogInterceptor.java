package org.backtrack.security.accesslog;

import org.backtrack.security.CallerAuthenticationConverter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

import java.util.Map;

/**
 * Records a successful request in the {@link AccessLog} when it named a patient: by a {@code patientId} path
 * variable, or by {@link #touched} from a handler that found the patient inside the resource (a routine by id).
 */
public final class AccessLogInterceptor implements HandlerInterceptor {

    private static final String PATIENT_ATTRIBUTE = AccessLogInterceptor.class.getName() + ".patient";

    private final AccessLog accessLog;

    public AccessLogInterceptor(AccessLog accessLog) {
        this.accessLog = accessLog;
    }

    /** Tells the access log which patient the current request read or changed. */
    static void touched(HttpServletRequest request, String patientId) {
        request.setAttribute(PATIENT_ATTRIBUTE, patientId);
    }

    @Override
    public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler, Exception ex) {
        int status = response.getStatus();
        if (ex != null || status < 200 || status >= 300) {
            return;
        }
        if (!(SecurityContextHolder.getContext().getAuthentication() instanceof JwtAuthenticationToken token)) {
            return;
        }
        String patientId = (String) request.getAttribute(PATIENT_ATTRIBUTE);
        if (patientId == null && request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE) instanceof Map<?, ?> vars) {
            patientId = (String) vars.get("patientId");
        }
        if (patientId != null) {
            accessLog.record(CallerAuthenticationConverter.caller(token.getToken()), patientId, request.getMethod(),
                    request.getRequestURI(), status);
        }
    }
}
