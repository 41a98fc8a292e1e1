package org.backtrack.progress.webhooks;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.util.List;

/**
 * {@code backtrack.webhooks.*}; every default is in progress-service's {@code application.yml}, documented there and in
 * docs/integration.md.
 *
 * @param encryptionKey         base64 of the 32-byte AES key that encrypts signing secrets at rest (a {@code dev-} prefix
 *                              marks the published demo key, refused outside the demo profile)
 * @param allowedHosts          hosts that may be reached over plain http and at any address (local tests only)
 * @param retrySchedule         the delay before each attempt of a delivery (the first normally 0)
 * @param disableAfterExhausted deliveries exhausted in a row before an endpoint may be disabled
 * @param disableAfterFailing   how long an endpoint must have been failing before it is disabled
 * @param maxPerClinic          subscriptions per clinic
 * @param rotationGrace         how long the previous secret still signs after a rotation
 * @param connectTimeout        to connect to a receiver
 * @param responseTimeout       for the receiver's answer (between bytes)
 * @param requestTimeout        for a whole attempt, answer included
 * @param maxResponseBytes      of the receiver's answer read (only the status matters)
 * @param concurrency           attempts in flight per instance
 * @param pollInterval          how often the sender looks for due deliveries
 * @param lease                 how long a claimed delivery is this instance's alone
 * @param senderEnabled         whether this instance sends (the feed always runs)
 */
@ConfigurationProperties("backtrack.webhooks")
public record WebhookProperties(
        String encryptionKey,
        List<String> allowedHosts,
        List<Duration> retrySchedule,
        int disableAfterExhausted,
        Duration disableAfterFailing,
        int maxPerClinic,
        Duration rotationGrace,
        Duration connectTimeout,
        Duration responseTimeout,
        Duration requestTimeout,
        int maxResponseBytes,
        int concurrency,
        Duration pollInterval,
        Duration lease,
        boolean senderEnabled) {

    public WebhookProperties {
        allowedHosts = allowedHosts == null ? List.of() : List.copyOf(allowedHosts);
    }
}
