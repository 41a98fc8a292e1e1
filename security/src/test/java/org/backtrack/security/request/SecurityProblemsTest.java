package org.backtrack.security.request;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.BadCredentialsException;

import static org.assertj.core.api.Assertions.assertThat;

class SecurityProblemsTest {

    final SecurityProblems problems = new SecurityProblems();

    @Test
    void withoutATokenThe401SaysWhatToSend() throws Exception {
        var response = new MockHttpServletResponse();
        problems.commence(new MockHttpServletRequest(), response, new BadCredentialsException("none"));

        assertThat(response.getStatus()).isEqualTo(401);
        assertThat(response.getHeader("WWW-Authenticate")).startsWith("Bearer");
        assertThat(response.getContentType()).isEqualTo("application/problem+json");
        assertThat(response.getContentAsString()).contains("Authorization: Bearer <token>");
    }

    @Test
    void withABadTokenThe401NeverSaysWhyTheSignatureFailed() throws Exception {
        var request = new MockHttpServletRequest();
        request.addHeader("Authorization", "Bearer forged");
        var response = new MockHttpServletResponse();
        problems.commence(request, response, new BadCredentialsException("signature of key k-1 does not verify"));

        assertThat(response.getContentAsString()).contains("invalid, expired, or not meant for BackTrack").doesNotContain("k-1");
    }

    @Test
    void aRoleThatMayNotIs403() throws Exception {
        var response = new MockHttpServletResponse();
        problems.handle(new MockHttpServletRequest(), response, new AccessDeniedException("no"));

        assertThat(response.getStatus()).isEqualTo(403);
        assertThat(response.getContentAsString()).contains("\"title\":\"Not allowed\"");
    }

    @Test
    void underFhirPathsThe401And403AreOperationOutcomes() throws Exception {
        var unauthenticated = new MockHttpServletResponse();
        problems.commence(new MockHttpServletRequest("GET", "/fhir/r4/Observation"), unauthenticated, new BadCredentialsException("none"));
        assertThat(unauthenticated.getStatus()).isEqualTo(401);
        assertThat(unauthenticated.getHeader("WWW-Authenticate")).startsWith("Bearer");
        assertThat(unauthenticated.getContentType()).startsWith("application/fhir+json");
        assertThat(unauthenticated.getContentAsString()).startsWith("{\"resourceType\":\"OperationOutcome\"").contains("\"code\":\"login\"");

        var forbidden = new MockHttpServletResponse();
        problems.handle(new MockHttpServletRequest("GET", "/fhir/r4/CarePlan"), forbidden, new AccessDeniedException("no"));
        assertThat(forbidden.getStatus()).isEqualTo(403);
        assertThat(forbidden.getContentAsString()).contains("\"code\":\"forbidden\"");
        // other paths keep their problem documents
        var api = new MockHttpServletResponse();
        problems.handle(new MockHttpServletRequest("GET", "/api/v1/fhir"), api, new AccessDeniedException("no"));
        assertThat(api.getContentType()).isEqualTo("application/problem+json");
    }

    @Test
    void anInvalidFieldIsNamedInTheSameShapeAsEveryService() throws Exception {
        var response = new MockHttpServletResponse();
        SecurityProblems.writeInvalidField(response, "patientId", "must be an identifier");

        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(response.getContentAsString())
                .contains("\"errors\":[{\"field\":\"patientId\",\"message\":\"must be an identifier\"}]");
    }
}
