package org.backtrack.security.request;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.servlet.HandlerMapping;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class IdentifierCheckTest {

    final IdentifierCheck check = new IdentifierCheck();

    @Test
    void wellFormedIdsEverywherePassOn() throws Exception {
        var request = request(Map.of("patientId", "patient-42"));
        request.setParameter("clinicId", "clinic-7");
        request.addHeader("X-Patient-Id", "patient-42");

        assertThat(check.preHandle(request, new MockHttpServletResponse(), new Object())).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"x|", ".*", "a/b", "$gt", "", "-leading-dash"})
    void aMalformedPathVariableIsA400NamingItWithoutEchoingTheValue(String id) throws Exception {
        var response = new MockHttpServletResponse();

        assertThat(check.preHandle(request(Map.of("patientId", id)), response, new Object())).isFalse();
        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(response.getContentType()).isEqualTo("application/problem+json");
        assertThat(response.getContentAsString()).contains("\"field\":\"patientId\"");
        if (!id.isEmpty()) {
            assertThat(response.getContentAsString()).doesNotContain(id);
        }
    }

    @Test
    void queryParametersAndHeadersNamedAsIdsAreChecked() throws Exception {
        var byParameter = request(Map.of());
        byParameter.setParameter("patient", "a b");
        var byHeader = request(Map.of());
        byHeader.addHeader("X-Clinic-Id", "clinic/7");

        assertThat(IdentifierCheck.firstInvalid(byParameter)).contains("patient");
        assertThat(IdentifierCheck.firstInvalid(byHeader)).contains("X-Clinic-Id");
    }

    @ParameterizedTest
    @ValueSource(strings = {"patient-42", "Patient/patient-42"})
    void fhirsPatientParameterMayBeARelativeReference(String value) {
        var request = request(Map.of());
        request.setParameter("patient", value);
        assertThat(IdentifierCheck.firstInvalid(request)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Patient/../x", "Patient/a/b", "Patient/", "Observation/x", "http://x/Patient/y", "patient/x"})
    void aFhirPatientReferenceStillObeysTheRuleAndIsRefusedAsAnOperationOutcome(String value) throws Exception {
        var request = new MockHttpServletRequest("GET", "/fhir/r4/Observation");
        request.setParameter("patient", value);
        var response = new MockHttpServletResponse();

        assertThat(check.preHandle(request, response, new Object())).isFalse();
        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(response.getContentType()).startsWith("application/fhir+json");
        assertThat(response.getContentAsString()).startsWith("{\"resourceType\":\"OperationOutcome\"")
                .contains("\"code\":\"invalid\"").contains("\"expression\":[\"patient\"]").doesNotContain(value);
    }

    @Test
    void otherParametersAreNotIds() throws Exception {
        var request = request(Map.of());
        request.setParameter("q", "cat cow / stretch");
        request.setParameter("cursor", "bm90LWE=");

        assertThat(IdentifierCheck.firstInvalid(request)).isEmpty();
    }

    @ParameterizedTest(name = "{0} names an identifier: {1}")
    @CsvSource({"id, true", "patient, true", "sessionId, true", "Id, false", "size, false"})
    void namesThatMeanAnIdentifier(String name, boolean identifier) {
        assertThat(IdentifierCheck.namesIdentifier(name)).isEqualTo(identifier);
    }

    static MockHttpServletRequest request(Map<String, String> pathVariables) {
        var request = new MockHttpServletRequest("GET", "/api/v1/anything");
        request.setAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE, pathVariables);
        return request;
    }
}
