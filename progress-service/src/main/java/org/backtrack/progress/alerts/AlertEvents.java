package org.backtrack.progress.alerts;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.backtrack.events.AlertAcknowledged;
import org.backtrack.events.AlertRaised;
import org.backtrack.events.AlertResolved;
import org.backtrack.events.CloudEventFactory;
import org.backtrack.events.Topics;
import org.backtrack.outbox.AcknowledgedSend;
import org.backtrack.outbox.Outbox;
import org.backtrack.outbox.Publication;
import org.backtrack.progress.alerts.rules.AlertLifecycle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Publishes each alert's lifecycle on {@code backtrack.progress}, keyed by patient, through BackTrack's shared outbox
 * ({@link Outbox}): every change owes its event in the alert's own document; the writer sends it at once, waiting for
 * the broker at most {@code backtrack.alerts.publish-timeout}, and the relay sends what is still owed, oldest first.
 * An alert's events go out in lifecycle order, each under its fixed id, so delivery is at least once and a consumer
 * counts each once. A producer of its own keeps every wait within the publish timeout, so neither an acknowledgement
 * request nor the consumer waits for Kafka's one-minute defaults while the broker is away.
 */
@Component
public class AlertEvents implements DisposableBean {

    static final String SOURCE = "/progress-service";
    private static final CloudEventFactory EVENTS = new CloudEventFactory(SOURCE);
    /** A claim older than this was left by a sender that died; the relay takes it back. */
    static final Duration STALE_CLAIM = Duration.ofMinutes(1);
    private static final int RELAY_BATCH = 200;
    private static final Logger log = LoggerFactory.getLogger(AlertEvents.class);

    private final Alerts alerts;
    private final JsonMapper json;
    private final Duration publishTimeout;
    private final DefaultKafkaProducerFactory<String, byte[]> producers;
    private final KafkaTemplate<String, byte[]> kafka;
    private final Outbox<StoredAlert> outbox;

    AlertEvents(Alerts alerts, ProducerFactory<?, ?> serviceProducers, JsonMapper json,
                @Value("${backtrack.alerts.publish-timeout}") Duration publishTimeout,
                @Value("${backtrack.outbox.sweep-interval}") Duration sweep, Clock clock,
                @Value("${spring.kafka.template.observation-enabled:false}") boolean traced,
                ObjectProvider<ObservationRegistry> observations, ObjectProvider<MeterRegistry> meters) {
        this.alerts = alerts;
        this.json = json;
        this.publishTimeout = publishTimeout;
        // the service's producer settings (brokers, security, acks, idempotence), with every wait within the timeout
        Map<String, Object> config = new HashMap<>(serviceProducers.getConfigurationProperties());
        config.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
        config.putAll(AcknowledgedSend.producerSettings(publishTimeout));
        if (config.get(ProducerConfig.CLIENT_ID_CONFIG) instanceof String clientId) {
            config.put(ProducerConfig.CLIENT_ID_CONFIG, clientId + "-alerts");
        }
        this.producers = new DefaultKafkaProducerFactory<>(config, new StringSerializer(), new ByteArraySerializer());
        this.kafka = new KafkaTemplate<>(producers);
        // like the service's own template: the trace context of the work that raised the alert in the record's headers
        this.kafka.setObservationEnabled(traced);
        this.kafka.setObservationRegistry(observations.getIfUnique(() -> ObservationRegistry.NOOP));
        this.outbox = new Outbox<>(alerts.owedEvents(clock), this::send, STALE_CLAIM, sweep, clock);
        meters.ifAvailable(registry -> Gauge.builder(Outbox.OWED_GAUGE, outbox, Outbox::countOwed).tag("events", "alert")
                .description("Alert events stored but not yet acknowledged by the broker").register(registry));
    }

    /**
     * Sends what a freshly written alert owes, waiting at most the publish timeout.
     *
     * @return PUBLISHED when the broker acknowledged it; PENDING when the relay will deliver it
     */
    Publication publish(StoredAlert written) {
        return outbox.publish(written);
    }

    /**
     * Sends what alerts written already claimed owe ({@link AlertWriter}), all together, waiting once for at most the
     * publish timeout.
     *
     * @return PUBLISHED when the broker acknowledged every event; PENDING when the relay will deliver them
     */
    Publication publishClaimed(List<StoredAlert> claimed) {
        return outbox.publishClaimed(claimed, this::sendAll);
    }

    @Scheduled(initialDelayString = "${backtrack.alerts.relay-interval}", fixedDelayString = "${backtrack.alerts.relay-interval}")
    void relay() {
        deliverOwed();
    }

    /** Delivers owed alert events oldest first until the broker fails to acknowledge one. */
    public int deliverOwed() {
        int delivered = outbox.relay(RELAY_BATCH);
        if (delivered > 0) {
            log.info("relayed the events of {} alert(s) that were waiting for the broker", delivered);
        }
        return delivered;
    }

    /** Every event of the alert the broker has not acknowledged yet, in lifecycle order, each counted once acknowledged. */
    private void send(StoredAlert alert) {
        for (int i = alert.publishedEvents(); i < alert.events().size(); i++) {
            AcknowledgedSend.send(kafka, Topics.PROGRESS, alert.patientId(), encode(alert, alert.events().get(i)), publishTimeout);
            alerts.markSent(alert.key(), i + 1);
        }
    }

    /** {@link #send} for several alerts: every record in flight together, one wait. */
    private void sendAll(List<StoredAlert> owed) {
        List<Map.Entry<String, byte[]>> records = new ArrayList<>();
        for (StoredAlert alert : owed) {
            for (int i = alert.publishedEvents(); i < alert.events().size(); i++) {
                records.add(Map.entry(alert.patientId(), encode(alert, alert.events().get(i))));
            }
        }
        AcknowledgedSend.sendAll(kafka, Topics.PROGRESS, records, publishTimeout); // the outbox then marks them all sent
    }

    byte[] encode(StoredAlert alert, StoredAlert.LifecycleEvent event) {
        Object data = switch (event.type()) {
            case AlertRaised.TYPE -> new AlertRaised(alert.alertId(), alert.clinicId(), alert.patientId(), alert.type(),
                    alert.episode(), alert.sessionId(), alert.occurredAt(), alert.arrivedAt(), alert.late(), alert.raisedAt(),
                    alert.summary());
            case AlertAcknowledged.TYPE -> new AlertAcknowledged(alert.alertId(), alert.clinicId(), alert.patientId(), alert.type(),
                    alert.acknowledgement().by(), alert.acknowledgement().at(), alert.acknowledgement().note(),
                    statusAfterAcknowledgement(alert));
            case AlertResolved.TYPE -> new AlertResolved(alert.alertId(), alert.clinicId(), alert.patientId(), alert.type(),
                    alert.resolution().at(), alert.resolution().reason(), alert.resolution().bySessionId());
            default -> throw new IllegalStateException("no such alert event type: " + event.type());
        };
        // the stored event id: every resend is the same event
        return json.writeValueAsBytes(EVENTS.event(event.id(), event.type(), alert.patientId(), event.at(), data));
    }

    /** As it was right after the acknowledgement: resolved only if it had resolved by then (a later resolution has its own event). */
    private static org.backtrack.events.AlertStatus statusAfterAcknowledgement(StoredAlert alert) {
        boolean resolvedByThen = alert.resolution() != null && !alert.resolution().at().isAfter(alert.acknowledgement().at());
        return AlertLifecycle.status(true, resolvedByThen);
    }

    @Override
    public void destroy() {
        producers.destroy();
    }
}
