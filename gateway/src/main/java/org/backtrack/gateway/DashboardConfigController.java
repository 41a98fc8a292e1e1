package org.backtrack.gateway;

import lombok.RequiredArgsConstructor;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Tells the dashboard who is signed in, for which clinic (and, for a patient, which patient), and hands it the CSRF cookie for its writes. */
@RestController
@RequiredArgsConstructor
class DashboardConfigController {

    private final ClaimNames claimNames;

    @GetMapping("/dashboard/config")
    Map<String, Object> config(@AuthenticationPrincipal OidcUser user, CsrfToken csrf) {
        csrf.getToken(); // loads the token, which writes the XSRF-TOKEN cookie the page sends back as a header
        Map<String, Object> claims = claimNames.normalize(user.getClaims());
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("user", user.getSubject());
        config.put("clinicId", text(claims.get(ClaimNames.CLINIC_ID)));
        // a patient's own pages (my-routine.html) read the patient they are for from here; null for staff
        config.put("patientId", text(claims.get(ClaimNames.PATIENT_ID)));
        config.put("roles", claims.get(ClaimNames.ROLES) instanceof List<?> roles
                ? roles.stream().filter(String.class::isInstance).toList() : List.of());
        // kept for pages written before sign-in existed
        config.put("defaultClinic", text(claims.get(ClaimNames.CLINIC_ID)));
        return config;
    }

    private static String text(Object value) {
        return value instanceof String text ? text : null;
    }
}
