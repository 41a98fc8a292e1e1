package org.backtrack.security.accesslog;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/** For handlers whose path does not name the patient: records in the access log whose data the request touched. */
public final class PatientAccess {

    private PatientAccess() {
    }

    public static void touched(String patientId) {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            AccessLogInterceptor.touched(request, patientId);
        }
    }
}
