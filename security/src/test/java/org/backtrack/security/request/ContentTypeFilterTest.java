package org.backtrack.security.request;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

class ContentTypeFilterTest {

    @ParameterizedTest
    @ValueSource(strings = {"multipart/form-data", "multipart/form-data; boundary=x", " Multipart/mixed", "*/*", "application/*",
            "*/*; charset=UTF-8", "application/*+json"})
    void contentTypesSpringWouldFailOnAre415ProblemDocuments(String contentType) throws Exception {
        var response = filter(contentType);

        assertThat(response.getStatus()).isEqualTo(415);
        assertThat(response.getContentType()).isEqualTo("application/problem+json");
        assertThat(response.getContentAsString()).contains("\"status\":415", "application/json");
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/json", "application/json; charset=UTF-8", "application/problem+json", "text/plain",
            "json", "application/json; charset=bogus", ""})
    void otherContentTypesPassOnToSpring(String contentType) throws Exception {
        var chain = new MockFilterChain();
        var request = new MockHttpServletRequest("POST", "/api/v1/sessions");
        request.setContentType(contentType);
        new ContentTypeFilter().doFilter(request, new MockHttpServletResponse(), chain);

        assertThat(chain.getRequest()).isNotNull();
    }

    @org.junit.jupiter.api.Test
    void requestsWithoutAContentTypePass() throws Exception {
        var chain = new MockFilterChain();
        new ContentTypeFilter().doFilter(new MockHttpServletRequest("GET", "/api/v1/exercises"), new MockHttpServletResponse(), chain);

        assertThat(chain.getRequest()).isNotNull();
    }

    static MockHttpServletResponse filter(String contentType) throws Exception {
        var request = new MockHttpServletRequest("POST", "/api/v1/sessions");
        request.setContentType(contentType);
        var response = new MockHttpServletResponse();
        var chain = new MockFilterChain();
        new ContentTypeFilter().doFilter(request, response, chain);
        assertThat(chain.getRequest()).as("passed on").isNull();
        return response;
    }
}
