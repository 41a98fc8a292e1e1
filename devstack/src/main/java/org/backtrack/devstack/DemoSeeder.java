package org.backtrack.devstack;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;


import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Logs the demo clinic's sessions through the gateway, exactly as a patient app would. */
final class DemoSeeder {

    private static final Logger log = LoggerFactory.getLogger(DemoSeeder.class);
    private static final int CLIENTS = 4;
    static final String CLIENT_ID = "demo-integration";
    static final String CLIENT_SECRET = "dev-integration-secret";

    private DemoSeeder() {
    }

    static int seed(String gatewayUrl, String issuerUrl, int patients, StartProgress progress) throws Exception {
        List<String> sessions = DemoClinic.sessions(patients, Instant.now());
        java.util.concurrent.atomic.AtomicInteger done = new java.util.concurrent.atomic.AtomicInteger();
        String label = "Seeding the demo clinic (" + patients + " patients)";
        progress.bar(label, 0, sessions.size());
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        String authorization = "Bearer " + clientToken(http, issuerUrl);
        URI uri = URI.create(gatewayUrl + "/api/v1/sessions");
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        try {
            List<Future<?>> results = new ArrayList<>();
            for (String body : sessions) {
                results.add(pool.submit(() -> {
                    post(http, uri, authorization, body);
                    progress.bar(label, done.incrementAndGet(), sessions.size());
                    return null;
                }));
            }
            for (Future<?> result : results) {
                result.get();
            }
        } finally {
            pool.shutdownNow();
        }
        log.info("Seeded {} sessions of {} demo patients in {}", sessions.size(), patients, DemoClinic.CLINIC_ID);
        awaitOnTheDashboard(http, gatewayUrl, issuerUrl, patients);
        return sessions.size();
    }

    static final Duration CATCH_UP = Duration.ofMinutes(2);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /**
     * Progress is derived from the sessions asynchronously (Kafka, then progress-service). The ready line promises
     * a dashboard showing the seeded clinic, so seeding ends when a clinician's overview lists every demo patient.
     */
    static void awaitOnTheDashboard(HttpClient http, String gatewayUrl, String issuerUrl, int patients) throws Exception {
        DemoUserTokens tokens = new DemoUserTokens(issuerUrl);
        URI overview = URI.create(gatewayUrl + "/api/v1/clinics/" + DemoClinic.CLINIC_ID + "/patients?size=200");
        Instant giveUp = Instant.now().plus(CATCH_UP);
        int listed = 0;
        while (Instant.now().isBefore(giveUp)) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(overview).timeout(Duration.ofSeconds(30))
                    .header("Authorization", tokens.bearer("dr.lee")).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 200) {
                listed = JSON.readTree(response.body()).size(); // one page of up to 200 patients
                if (listed >= patients) {
                    return;
                }
            }
            Thread.sleep(500);
        }
        throw new DevStackException("demo seeding: the clinic overview lists " + listed + " of " + patients
                + " seeded patients after " + CATCH_UP.toMinutes() + " minutes; see the progress-service log");
    }

    /** The demo clinic's machine client, by client credentials: sessions are logged as an integration would. */
    static String clientToken(HttpClient http, String issuerUrl) throws IOException, InterruptedException {
        return DemoUserTokens.clientToken(http, issuerUrl, CLIENT_ID, CLIENT_SECRET);
    }

    /** How long one session may keep being refused for transient reasons before seeding gives up. */
    static final Duration PATIENCE = Duration.ofMinutes(3);
    static final Duration MAX_WAIT = Duration.ofSeconds(30);

    /**
     * Logs one session. 200/201 and 202 (stored, its event still owed to Kafka) are success, as is 409 for a demo
     * session an interrupted earlier seeding already stored. 429 and 503 are waited out as their Retry-After says,
     * gateway errors and refused connections are retried with back-off, all within {@link #PATIENCE}.
     */
    static Void post(HttpClient http, URI uri, String authorization, String body) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).header("Authorization", authorization)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
        Instant giveUp = Instant.now().plus(PATIENCE);
        Duration backOff = Duration.ofMillis(250);
        while (true) {
            Duration wait;
            String refusal;
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                int status = response.statusCode();
                if (status == 200 || status == 201 || status == 202 || status == 409) {
                    return null;
                }
                if (status != 429 && status != 502 && status != 503 && status != 504) {
                    throw new DevStackException("demo seeding: a session was refused with HTTP " + status + " ("
                            + response.body().lines().findFirst().orElse("") + "); see the routine-service and gateway logs");
                }
                refusal = "HTTP " + status;
                wait = retryAfter(response).orElse(backOff);
            } catch (java.net.ConnectException | java.net.http.HttpTimeoutException e) {
                refusal = e.toString();
                wait = backOff;
            }
            if (Instant.now().plus(wait).isAfter(giveUp)) {
                throw new DevStackException("demo seeding: gave up after " + PATIENCE.toMinutes() + " minutes of " + refusal
                        + "; see the gateway and routine-service logs");
            }
            Thread.sleep(wait.toMillis());
            backOff = min(backOff.multipliedBy(2), MAX_WAIT);
        }
    }

    /** Retry-After in seconds (the form BackTrack sends), capped; absent or unreadable: none. */
    static java.util.Optional<Duration> retryAfter(HttpResponse<?> response) {
        return response.headers().firstValue("Retry-After").flatMap(value -> {
            try {
                return java.util.Optional.of(min(Duration.ofSeconds(Math.max(0, Long.parseLong(value.trim()))), MAX_WAIT));
            } catch (NumberFormatException e) {
                return java.util.Optional.empty();
            }
        });
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
