package org.backtrack.gateway.problems;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;

/**
 * Decides what a failed call to a route's service means for the caller: no connection (refused, unreachable, connect
 * timeout: the service is down or still starting) is 503; a connection that never answered in time is 504, since
 * the service may have acted on the request. Anything else that went wrong on the way is 502.
 */
enum DownstreamFailure {
    UNAVAILABLE(503, "Service unavailable", "The service behind this route is down or still starting; retry later."),
    TIMED_OUT(504, "Gateway timeout", "The service behind this route did not answer in time; it may still have acted on "
            + "the request, so retry only what is safe to repeat."),
    BAD_GATEWAY(502, "Bad gateway", "The service behind this route answered with something the gateway could not pass on.");

    final int status;
    final String title;
    final String detail;

    DownstreamFailure(int status, String title, String detail) {
        this.status = status;
        this.title = title;
        this.detail = detail;
    }

    /** Classifies by the cause chain of the proxy's exception (which wraps the client's I/O error). */
    static DownstreamFailure of(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof HttpConnectTimeoutException) {
                return UNAVAILABLE; // no connection was ever made: nothing reached the service
            }
            if (cause instanceof HttpTimeoutException) {
                return TIMED_OUT;
            }
            if (cause instanceof SocketTimeoutException timeout) {
                // other HTTP clients use one class for both; only a connect timeout says the service never saw it
                return timeout.getMessage() != null && timeout.getMessage().toLowerCase(java.util.Locale.ROOT).contains("connect")
                        ? UNAVAILABLE : TIMED_OUT;
            }
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof IOException) {
                return UNAVAILABLE; // refused, reset, unreachable, closed before answering
            }
        }
        return BAD_GATEWAY;
    }
}
