package org.backtrack.devstack;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * The shared suite's {@link DemoUserTokens}: cached per user and forgotten after a restart, when the issuer signs
 * with a new key.
 */
final class DemoTokens {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static DemoUserTokens tokens;

    private DemoTokens() {
    }

    private static synchronized DemoUserTokens tokens() throws Exception {
        if (tokens == null) {
            tokens = new DemoUserTokens(SuiteUnderTest.config().issuerUrl());
        }
        return tokens;
    }

    static String bearer(String user) throws Exception {
        return tokens().bearer(user);
    }

    static void forget() throws Exception {
        tokens().refreshAll();
    }

    /** Sends with the user's token; a 401 after a restart fetches a fresh token once. */
    static HttpResponse<String> send(String user, HttpRequest.Builder request) throws Exception {
        HttpResponse<String> response = HTTP.send(request.copy().header("Authorization", bearer(user)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 401) {
            forget();
            response = HTTP.send(request.copy().header("Authorization", bearer(user)).build(), HttpResponse.BodyHandlers.ofString());
        }
        return response;
    }
}
