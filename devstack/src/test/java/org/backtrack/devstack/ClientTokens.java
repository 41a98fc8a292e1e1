package org.backtrack.devstack;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Access tokens of the local issuer's machine clients (client credentials), as an integration gets them; cached. */
final class ClientTokens {

    /** Each clinic's machine client and its secret, as configured in the local issuer. */
    static final Map<String, String> SECRETS = Map.of("demo-integration", "dev-integration-secret",
            "riverside-integration", "dev-riverside-integration-secret");

    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Map<String, String> CACHE = new ConcurrentHashMap<>();

    private ClientTokens() {
    }

    static boolean isClient(String name) {
        return SECRETS.containsKey(name);
    }

    /** The {@code Authorization} header value of a machine client. */
    static String bearer(String issuerUrl, String client) {
        return "Bearer " + CACHE.computeIfAbsent(client, c -> fetch(issuerUrl, c));
    }

    private static String fetch(String issuerUrl, String client) {
        try {
            String basic = Base64.getEncoder().encodeToString((client + ":" + SECRETS.get(client)).getBytes(StandardCharsets.UTF_8));
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(issuerUrl + "/oauth2/token"))
                    .timeout(Duration.ofSeconds(10)).header("Authorization", "Basic " + basic)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build(), HttpResponse.BodyHandlers.ofString());
            Matcher matcher = ACCESS_TOKEN.matcher(response.body());
            if (response.statusCode() != 200 || !matcher.find()) {
                throw new IllegalStateException("no token for " + client + ": HTTP " + response.statusCode() + " " + response.body());
            }
            return matcher.group(1);
        } catch (Exception e) {
            throw new IllegalStateException("no token for " + client, e);
        }
    }
}
