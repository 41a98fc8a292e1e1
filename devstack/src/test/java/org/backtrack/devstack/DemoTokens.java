package org.backtrack.devstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Access tokens of the demo users, from the suite's own local issuer (the documented curl route). Cached per user
 * and forgotten after a restart, when the issuer signs with a new key.
 */
final class DemoTokens {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");
    private static final Map<String, String> TOKENS = new HashMap<>();

    private DemoTokens() {
    }

    static synchronized String bearer(String user) throws Exception {
        String token = TOKENS.get(user);
        if (token == null) {
            token = fetch(user);
            TOKENS.put(user, token);
        }
        return "Bearer " + token;
    }

    static synchronized void forget() {
        TOKENS.clear();
    }

    private static String fetch(String user) throws Exception {
        String issuer = SuiteUnderTest.config().issuerUrl();
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(issuer + "/dev/token"))
                .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=" + DevStack.DEMO_PASSWORD)).build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher matcher = ACCESS_TOKEN.matcher(response.body());
        if (response.statusCode() != 200 || !matcher.find()) {
            throw new IOException("no token for " + user + ": HTTP " + response.statusCode() + " " + response.body());
        }
        return matcher.group(1);
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
