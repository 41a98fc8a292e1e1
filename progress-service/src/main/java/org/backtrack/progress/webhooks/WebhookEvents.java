package org.backtrack.progress.webhooks;

import org.backtrack.events.CloudEventFactory;
import org.backtrack.events.Topics;
import org.backtrack.events.WebhookEndpointDisabled;
import org.backtrack.outbox.AcknowledgedSend;
import org.backtrack.outbox.Outbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Disables endpoints and tells their clinic: the subscription is disabled and made to owe a
 * {@code backtrack.progress.webhook-endpoint-disabled.v1} event in one write, and BackTrack's outbox ({@link Outbox})
 * sends it on {@code backtrack.progress}, keyed by the clinic, at once and, should the broker be away, from the relay.
 */
@Component
class WebhookEvents {

    static final String SOURCE = "/progress-service";
    private static final CloudEventFactory EVENTS = new CloudEventFactory(SOURCE);
    private static final Duration STALE_CLAIM = Duration.ofMinutes(1);
    private static final Logger log = LoggerFactory.getLogger(WebhookEvents.class);

    private final Subscriptions subscriptions;
    private final KafkaOperations<Object, Object> kafka;
    private final JsonMapper json;
    private final Duration publishTimeout;
    private final Outbox<StoredSubscription> outbox;

    WebhookEvents(Subscriptions subscriptions, KafkaOperations<Object, Object> kafka, JsonMapper json,
                  @Value("${backtrack.alerts.publish-timeout}") Duration publishTimeout,
                  @Value("${backtrack.outbox.sweep-interval}") Duration sweep, Clock clock) {
        this.subscriptions = subscriptions;
        this.kafka = kafka;
        this.json = json;
        this.publishTimeout = publishTimeout;
        this.outbox = new Outbox<>(subscriptions.owedEvents(clock), this::send, STALE_CLAIM, sweep, clock);
    }

    /** Disables the endpoint (unless it was meanwhile) and publishes the event that says so. */
    void disable(StoredSubscription failing, Instant now) {
        String reason = failing.exhaustedInARow() + " deliveries in a row failed every attempt; failing since " + failing.failingSince();
        subscriptions.disable(failing.key(), reason, CloudEventFactory.newId(), now).ifPresent(disabled -> {
            log.warn("webhook {} of clinic {} disabled: {}", disabled.id(), disabled.clinicId(), reason);
            outbox.publish(disabled);
        });
    }

    @Scheduled(initialDelayString = "${backtrack.webhooks.relay-interval}", fixedDelayString = "${backtrack.webhooks.relay-interval}")
    void relay() {
        outbox.relay(50, "webhook");
    }

    private void send(StoredSubscription disabled) {
        var data = new WebhookEndpointDisabled(disabled.id(), disabled.clinicId(), disabled.disabledReason(), disabled.disabledAt(),
                disabled.exhaustedInARow(), disabled.failingSince());
        byte[] event = json.writeValueAsBytes(EVENTS.event(disabled.eventId(), WebhookEndpointDisabled.TYPE, disabled.clinicId(),
                disabled.disabledAt(), data));
        AcknowledgedSend.send(kafka, Topics.PROGRESS, disabled.clinicId(), event, publishTimeout);
    }
}
