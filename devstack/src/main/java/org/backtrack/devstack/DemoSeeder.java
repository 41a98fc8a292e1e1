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
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Logs the demo clinic's sessions through the gateway, exactly as a patient app would. */
final class DemoSeeder {

    private static final Logger log = LoggerFactory.getLogger(DemoSeeder.class);
    private static final int CLIENTS = 4;

    private DemoSeeder() {
    }

    static int seed(String gatewayUrl, int patients) throws Exception {
        List<String> sessions = DemoClinic.sessions(patients, Instant.now());
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        URI uri = URI.create(gatewayUrl + "/api/v1/sessions");
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        try {
            List<Future<?>> results = new ArrayList<>();
            for (String body : sessions) {
                results.add(pool.submit(() -> post(http, uri, body)));
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

    private static Void post(HttpClient http, URI uri, String body) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200 && response.statusCode() != 201) {
            throw new DevStackException("Seeding failed with HTTP " + response.statusCode() + ": " + response.body());
        }
        return null;
    }
}
