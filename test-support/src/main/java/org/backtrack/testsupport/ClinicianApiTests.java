package org.backtrack.testsupport;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.client.RestClient;

/**
 * An API test of the service on its random port, calling it as a clinician of one clinic (the subclass's) through
 * {@link TestHttp}: every answer comes back, errors included.
 */
public abstract class ClinicianApiTests {

    private final String clinic;
    @LocalServerPort
    protected int port;
    /** The service, called as a clinician of the clinic; made before each test. */
    protected RestClient http;

    protected ClinicianApiTests(String clinic) {
        this.clinic = clinic;
    }

    @BeforeEach
    void callAsClinician() {
        http = TestHttp.client(port, TestIssuer.clinician(clinic));
    }
}
