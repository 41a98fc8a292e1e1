package org.backtrack.bench;

import org.backtrack.devstack.DemoUserTokens;
import org.backtrack.events.SessionCompleted;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * Logs sessions through routine-service's API the way a careful app does: it sends again until the service has
 * accepted the session (201 new, 200 same again, 202 stored while the broker is away). Retrying is safe because
 * the session id makes the request idempotent. Only an outright refusal (400, 403, 404, 409) is an error.
 */
public final class SessionPoster {

    /** How long one session may take to be accepted across outages before the run is declared broken. */
    static final Duration GIVE_UP_AFTER = Duration.ofMinutes(3);

    /** @param status the final answer; attempts counts the tries it took */
    public record Accepted(int status, int attempts) {
    }

    private final HttpClient http;
    private final URI sessions;
    private final Supplier<String> authorization;
    private final Runnable forgetToken;

    /** Posts as a demo user to {@code baseUrl} (routine-service, or the gateway in front of it). */
    public SessionPoster(String baseUrl, DemoUserTokens tokens, String user) {
        this(baseUrl, () -> tokens.bearer(user), () -> tokens.refresh(user));
    }

    /** Posts as a clinic's machine client (client credentials), as an integration does. */
    public static SessionPoster asClient(String baseUrl, DemoUserTokens tokens, String clientId, String secret) {
        return new SessionPoster(baseUrl, () -> tokens.clientBearer(clientId, secret), () -> tokens.refreshClient(clientId));
    }

    private SessionPoster(String baseUrl, Supplier<String> authorization, Runnable forgetToken) {
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        this.sessions = URI.create(baseUrl + "/api/v1/sessions");
        this.authorization = authorization;
        this.forgetToken = forgetToken;
    }

    public Accepted post(SessionCompleted session) throws InterruptedException {
        String body = SessionFactory.httpBody(session);
        long deadline = System.nanoTime() + GIVE_UP_AFTER.toNanos();
        long pause = 100;
        for (int attempt = 1; ; attempt++) {
            String failure;
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(sessions).timeout(Duration.ofSeconds(10))
                        .header("Content-Type", "application/json").header("Authorization", authorization.get())
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
                int status = response.statusCode();
                if (status == 200 || status == 201 || status == 202) {
                    return new Accepted(status, attempt);
                }
                if (status == 401) {
                    forgetToken.run();
                } else if (status < 500 && status != 429) {
                    throw new IllegalStateException("session " + session.sessionId() + " refused: HTTP " + status + " " + response.body());
                }
                failure = "HTTP " + status;
            } catch (IOException e) {
                failure = e.toString(); // the service is down or restarting
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("session " + session.sessionId() + " not accepted after " + attempt + " tries: " + failure);
            }
            Thread.sleep(pause);
            pause = Math.min(pause * 2, 2000);
        }
    }
}
