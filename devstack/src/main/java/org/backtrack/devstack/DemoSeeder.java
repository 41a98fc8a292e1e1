package org.backtrack.devstack;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Logs the demo clinic's sessions through the gateway, exactly as a patient app would. */
final class DemoSeeder {

    private static final Logger log = LoggerFactory.getLogger(DemoSeeder.class);
    private static final int CLIENTS = 4;
    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");
    static final String CLIENT_ID = "demo-integration";
    static final String CLIENT_SECRET = "dev-integration-secret";

    private DemoSeeder() {
    }

    static int seed(String gatewayUrl, String issuerUrl, int patients) throws Exception {
        List<String> sessions = DemoClinic.sessions(patients, Instant.now());
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        String authorization = "Bearer " + clientToken(http, issuerUrl);
        URI uri = URI.create(gatewayUrl + "/api/v1/sessions");
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        try {
            List<Future<?>> results = new ArrayList<>();
            for (String body : sessions) {
                results.add(pool.submit(() -> post(http, uri, authorization, body)));
            }
            for (Future<?> result : results) {
                result.get();
            }
        } finally {
            pool.shutdownNow();
        }
        log.info("Seeded {} sessions of {} demo patients in {}", sessions.size(), patients, DemoClinic.CLINIC_ID);
        return sessions.size();
    }

    /** The demo clinic's machine client, by client credentials: sessions are logged as an integration would. */
    static String clientToken(HttpClient http, String issuerUrl) throws IOException, InterruptedException {
        String basic = Base64.getEncoder().encodeToString((CLIENT_ID + ":" + CLIENT_SECRET).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create(issuerUrl + "/oauth2/token")).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Basic " + basic).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        Matcher token = ACCESS_TOKEN.matcher(response.body());
        if (response.statusCode() != 200 || !token.find()) {
            throw new DevStackException("No token from the local issuer (HTTP " + response.statusCode() + ")");
        }
        return token.group(1);
    }

    private static Void post(HttpClient http, URI uri, String authorization, String body) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).header("Authorization", authorization)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200 && response.statusCode() != 201) {
            throw new DevStackException("Seeding failed with HTTP " + response.statusCode() + ": " + response.body());
        }
        return null;
    }
}
