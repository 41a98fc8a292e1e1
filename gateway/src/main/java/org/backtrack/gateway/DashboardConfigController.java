package org.backtrack.gateway;

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
class DashboardConfigController {

    @GetMapping("/dashboard/config")
    Map<String, Object> config(@AuthenticationPrincipal OidcUser user, CsrfToken csrf) {
        csrf.getToken(); // loads the token, which writes the XSRF-TOKEN cookie the page sends back as a header
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("user", user.getSubject());
        config.put("clinicId", user.getClaimAsString("clinic_id"));
        // a patient's own pages (my-routine.html) read the patient they are for from here; null for staff
        config.put("patientId", user.getClaimAsString("patient_id"));
        config.put("roles", user.getClaimAsStringList("roles") == null ? List.of() : user.getClaimAsStringList("roles"));
        // kept for pages written before sign-in existed
        config.put("defaultClinic", user.getClaimAsString("clinic_id"));
        return config;
    }
}
