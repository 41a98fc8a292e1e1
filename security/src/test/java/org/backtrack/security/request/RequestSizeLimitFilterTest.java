package org.backtrack.security.request;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class RequestSizeLimitFilterTest {

    final RequestSizeLimitFilter filter = new RequestSizeLimitFilter(16);

    @Test
    void aBodyWithinTheLimitReachesTheHandlerWhole() throws Exception {
        var chain = new MockFilterChain();
        filter.doFilter(post("{\"a\":1}"), new MockHttpServletResponse(), chain);

        assertThat(new String(chain.getRequest().getInputStream().readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("{\"a\":1}");
        assertThat(chain.getRequest().getContentLengthLong()).isEqualTo(7);
    }

    @Test
    void anAnnouncedLargerBodyIs413BeforeItIsRead() throws Exception {
        var response = new MockHttpServletResponse();
        var chain = new MockFilterChain();
        filter.doFilter(post("{\"padding\":\"xxxxxxxxxx\"}"), response, chain);

        assertThat(response.getStatus()).isEqualTo(413);
        assertThat(response.getContentType()).isEqualTo("application/problem+json");
        assertThat(response.getContentAsString()).contains("limited to 16 bytes");
        assertThat(chain.getRequest()).isNull();
    }

    @Test
    void aStreamedBodyWithoutLengthIsCutAtTheLimitToo() throws Exception {
        var request = new MockHttpServletRequest("POST", "/api/v1/sessions") {
            @Override
            public long getContentLengthLong() {
                return -1; // chunked: no length announced
            }
        };
        request.setContent(null);
        byte[] body = "x".repeat(1000).getBytes(StandardCharsets.UTF_8);
        var streamed = new org.springframework.mock.web.DelegatingServletInputStream(new ByteArrayInputStream(body));
        var wrapped = new jakarta.servlet.http.HttpServletRequestWrapper(request) {
            @Override
            public jakarta.servlet.ServletInputStream getInputStream() {
                return streamed;
            }
        };
        var response = new MockHttpServletResponse();
        var chain = new MockFilterChain();
        filter.doFilter(wrapped, response, chain);

        assertThat(response.getStatus()).isEqualTo(413);
        assertThat(streamed.available()).isGreaterThan(0); // it stopped reading past the limit
        assertThat(chain.getRequest()).isNull();
    }

    static MockHttpServletRequest post(String body) {
        var request = new MockHttpServletRequest("POST", "/api/v1/sessions");
        request.setContentType("application/json");
        request.setContent(body.getBytes(StandardCharsets.UTF_8));
        return request;
    }
}
