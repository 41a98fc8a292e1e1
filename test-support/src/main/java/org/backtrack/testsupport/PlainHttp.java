package org.backtrack.testsupport;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * The JDK's HTTP client, for tests of what a service serves beside its API (the management port Prometheus scrapes),
 * and a free port to put such a server on. It needs nothing from Spring, so the gateway's tests can use it too.
 */
public final class PlainHttp {

    private PlainHttp() {
    }

    /** A port free now, for a server the test starts on it (e.g. {@code management.server.port}). */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** GET {@code path} on 127.0.0.1:{@code port}, with {@code token} as the bearer unless it is null. */
    public static HttpResponse<String> get(int port, String path, String token) throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
