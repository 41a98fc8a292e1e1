package org.backtrack.devstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Access tokens of the demo users from the suite's local issuer ({@code POST /dev/token}, the documented curl route),
 * cached per user, for the tests and the benchmark that drive a running suite.
 */
public final class DemoUserTokens {

    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");

    private final String issuerUrl;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, String> cache = new ConcurrentHashMap<>();
    /** Cache keys of machine clients: no user name has a space. */
    private static final String CLIENT = "client ";

    public DemoUserTokens(String issuerUrl) {
        this.issuerUrl = issuerUrl;
    }

    /** The {@code Authorization} header value for a demo user. */
    public String bearer(String user) {
        return "Bearer " + cache.computeIfAbsent(user, this::fetch);
    }

    /** Forgets a token the services no longer accept (expired, or signed by an issuer since restarted). */
    public void refresh(String user) {
        cache.remove(user);
    }

    /** The {@code Authorization} header value for a machine client of the local issuer (client credentials). */
    public String clientBearer(String clientId, String secret) {
        return "Bearer " + cache.computeIfAbsent(CLIENT + clientId, key -> {
            try {
                return clientToken(http, issuerUrl, clientId, secret);
            } catch (IOException e) {
                throw new IllegalStateException("the issuer at " + issuerUrl + " did not answer", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        });
    }

    /** Forgets a machine client's token. */
    public void refreshClient(String clientId) {
        cache.remove(CLIENT + clientId);
    }

    /** A machine client's access token from the issuer at {@code issuerUrl}, by client credentials. */
    static String clientToken(HttpClient http, String issuerUrl, String clientId, String secret) throws IOException, InterruptedException {
        String basic = Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create(issuerUrl + "/oauth2/token")).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Basic " + basic).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        Matcher token = ACCESS_TOKEN.matcher(response.body());
        if (response.statusCode() != 200 || !token.find()) {
            throw new DevStackException("no token for client " + clientId + " from the local issuer (HTTP " + response.statusCode()
                    + "); see the local-issuer log");
        }
        return token.group(1);
    }

    /** Forgets every token. */
    public void refreshAll() {
        cache.clear();
    }

    private String fetch(String user) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(issuerUrl + "/dev/token"))
                    .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=" + DevStack.DEMO_PASSWORD)).build(),
                    HttpResponse.BodyHandlers.ofString());
            Matcher matcher = ACCESS_TOKEN.matcher(response.body());
            if (response.statusCode() != 200 || !matcher.find()) {
                throw new IllegalStateException("no token for " + user + ": HTTP " + response.statusCode() + " " + response.body());
            }
            return matcher.group(1);
        } catch (IOException e) {
            throw new IllegalStateException("the issuer at " + issuerUrl + " did not answer", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
