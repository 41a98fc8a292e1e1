package org.backtrack.gateway.problems;

import org.junit.jupiter.api.Test;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClientException;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;

import static org.assertj.core.api.Assertions.assertThat;

class DownstreamFailureTest {

    static RestClientException wrapped(Throwable cause) {
        return new ResourceAccessException("I/O error on GET request for \"http://127.0.0.1:8081/x\"", cause instanceof IOException io ? io
                : new IOException(cause));
    }

    @Test
    void noConnectionMeansTheServiceIsDownOrStarting() {
        assertThat(DownstreamFailure.of(wrapped(new ConnectException("Connection refused")))).isEqualTo(DownstreamFailure.UNAVAILABLE);
        assertThat(DownstreamFailure.of(wrapped(new HttpConnectTimeoutException("HTTP connect timed out")))).isEqualTo(DownstreamFailure.UNAVAILABLE);
        assertThat(DownstreamFailure.of(wrapped(new SocketTimeoutException("Connect timed out")))).isEqualTo(DownstreamFailure.UNAVAILABLE);
        assertThat(DownstreamFailure.of(wrapped(new UnknownHostException("catalog-service")))).isEqualTo(DownstreamFailure.UNAVAILABLE);
        assertThat(DownstreamFailure.of(wrapped(new NoRouteToHostException()))).isEqualTo(DownstreamFailure.UNAVAILABLE);
        assertThat(DownstreamFailure.of(wrapped(new IOException("Connection reset")))).isEqualTo(DownstreamFailure.UNAVAILABLE);
    }

    @Test
    void aConnectionThatNeverAnsweredIsATimeout() {
        assertThat(DownstreamFailure.of(wrapped(new HttpTimeoutException("request timed out")))).isEqualTo(DownstreamFailure.TIMED_OUT);
        assertThat(DownstreamFailure.of(wrapped(new SocketTimeoutException("Read timed out")))).isEqualTo(DownstreamFailure.TIMED_OUT);
        assertThat(DownstreamFailure.of(wrapped(new SocketTimeoutException()))).isEqualTo(DownstreamFailure.TIMED_OUT);
        // however deep the client wraps it
        assertThat(DownstreamFailure.of(wrapped(new IOException(new HttpTimeoutException("request timed out")))))
                .isEqualTo(DownstreamFailure.TIMED_OUT);
    }

    @Test
    void anythingElseOnTheWayIsABadGateway() {
        assertThat(DownstreamFailure.of(new RestClientException("could not extract"))).isEqualTo(DownstreamFailure.BAD_GATEWAY);
        assertThat(DownstreamFailure.of(new RestClientException("x", new IllegalStateException()))).isEqualTo(DownstreamFailure.BAD_GATEWAY);
    }

    @Test
    void theStatusesAreThoseOfRfc9110() {
        assertThat(DownstreamFailure.UNAVAILABLE.status).isEqualTo(503);
        assertThat(DownstreamFailure.TIMED_OUT.status).isEqualTo(504);
        assertThat(DownstreamFailure.BAD_GATEWAY.status).isEqualTo(502);
    }
}
