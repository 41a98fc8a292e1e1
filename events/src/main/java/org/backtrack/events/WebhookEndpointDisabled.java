package org.backtrack.events;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;

/**
 * Payload of {@code backtrack.progress.webhook-endpoint-disabled.v1}: progress-service stopped calling one of a clinic's
 * webhook endpoints because its deliveries kept failing (the disable rule of docs/integration.md), so the clinic's
 * administrators can fix the receiver and enable it again ({@code PATCH /api/v1/webhooks/{id}} with
 * {@code {"enabled": true}}). Published on {@code backtrack.progress} keyed by the clinic, under the id stored with the
 * disabled subscription (a resend is the same event). The URL is not repeated: it may hold a token of the receiver's.
 *
 * @param exhaustedDeliveries deliveries in a row that used up every attempt
 * @param failingSince        the first failed attempt since the endpoint's last success
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WebhookEndpointDisabled(
        String webhookId,
        String clinicId,
        String reason,
        Instant disabledAt,
        int exhaustedDeliveries,
        Instant failingSince) {

    public static final String TYPE = "backtrack.progress.webhook-endpoint-disabled.v1";
}
