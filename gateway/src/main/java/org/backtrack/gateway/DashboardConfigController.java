package org.backtrack.gateway;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;

/** Tells the dashboard page which clinic to open by default. */
@RestController
class DashboardConfigController {

    private final String defaultClinic;

    DashboardConfigController(@Value("${backtrack.dashboard.default-clinic}") String defaultClinic) {
        this.defaultClinic = defaultClinic;
    }

    @GetMapping("/dashboard/config")
    Map<String, String> config() {
        return Map.of("defaultClinic", defaultClinic);
    }
}
