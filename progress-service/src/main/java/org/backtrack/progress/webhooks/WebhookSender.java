package org.backtrack.progress.webhooks;

import org.backtrack.progress.webhooks.rules.DisablePolicy;
import org.backtrack.progress.webhooks.rules.RetrySchedule;
import org.backtrack.progress.webhooks.rules.WebhookSignature;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;

/**
 * Sends due deliveries, apart from the consumer: every {@code poll-interval} it claims up to as many deliveries as it
 * has free slots ({@code concurrency}), each under a lease, and runs them on its own bounded pool, so slow receivers
 * never slow ingestion. Several instances share the work safely: a claim is one guarded write, and a delivery is
 * claimed again only once its lease has run out (at least once; never twice within a lease).
 * <p>
 * Order per patient: of the deliveries of one subscription and one patient, only the earliest undelivered one is
 * sent; later ones wait until it is delivered or exhausted (a failing delivery holds that patient's later events
 * only, for that endpoint only).
 */
@Component
class WebhookSender implements DisposableBean {

    static final String ENDPOINT_DISABLED = "the endpoint is disabled";
    /** Attempts by outcome: {@code delivered}, {@code failed} (retried later), {@code exhausted}. */
    static final String ATTEMPTS_COUNTER = "backtrack.webhooks.attempts";
    private static final Logger log = LoggerFactory.getLogger(WebhookSender.class);

    private final Deliveries deliveries;
    private final Subscriptions subscriptions;
    private final WebhookSecrets secrets;
    private final WebhookHttp http;
    private final WebhookEvents events;
    private final RetrySchedule schedule;
    private final DisablePolicy disablePolicy;
    private final Duration lease;
    private final Duration pollInterval;
    private final boolean enabled;
    private final Clock clock;
    private final Semaphore slots;
    private final ExecutorService pool;
    private final io.micrometer.core.instrument.MeterRegistry meters;

    WebhookSender(Deliveries deliveries, Subscriptions subscriptions, WebhookSecrets secrets, WebhookHttp http,
                  WebhookEvents events, WebhookConfiguration.Rules rules, WebhookProperties properties, Clock clock,
                  org.springframework.beans.factory.ObjectProvider<io.micrometer.core.instrument.MeterRegistry> meters) {
        this.meters = meters.getIfAvailable(io.micrometer.core.instrument.simple.SimpleMeterRegistry::new);
        this.deliveries = deliveries;
        this.subscriptions = subscriptions;
        this.secrets = secrets;
        this.http = http;
        this.events = events;
        this.schedule = rules.schedule();
        this.disablePolicy = rules.disablePolicy();
        this.lease = properties.lease();
        this.pollInterval = properties.pollInterval();
        this.enabled = properties.senderEnabled();
        this.clock = clock;
        this.slots = new Semaphore(properties.concurrency());
        this.pool = Executors.newFixedThreadPool(properties.concurrency(), runnable -> {
            Thread thread = new Thread(runnable, "webhook-sender");
            thread.setDaemon(true);
            return thread;
        });
    }

    @Scheduled(initialDelayString = "${backtrack.webhooks.poll-interval}", fixedDelayString = "${backtrack.webhooks.poll-interval}")
    void poll() {
        if (enabled) {
            try {
                sendDue();
            } catch (RuntimeException e) {
                log.warn("webhook deliveries could not be claimed this round: {}", e.toString());
            }
        }
    }

    /** @return how many deliveries were claimed and handed to the pool */
    int sendDue() {
        int free = slots.availablePermits();
        if (free == 0) {
            return 0;
        }
        Instant now = clock.instant();
        Set<String> pairs = new HashSet<>();
        int started = 0;
        for (StoredDelivery due : deliveries.due(now, free * 4)) {
            String pair = due.subscriptionId() + "\n" + due.orderKey();
            if (pairs.contains(pair)) {
                continue; // a later delivery of a pair this round already sends
            }
            Optional<StoredDelivery> earlier = deliveries.earlierUndelivered(due);
            if (earlier.isPresent()) {
                StoredDelivery first = earlier.get();
                Instant retry = first.status() == DeliveryStatus.PENDING && first.nextAttemptAt() != null
                        && first.nextAttemptAt().isAfter(now) ? first.nextAttemptAt() : now.plus(pollInterval);
                deliveries.holdUntil(due, retry);
                continue;
            }
            if (!slots.tryAcquire()) {
                break;
            }
            Optional<StoredDelivery> claimed = deliveries.claim(due, now, now.plus(lease), UUID.randomUUID().toString());
            if (claimed.isEmpty()) {
                slots.release(); // another instance has it
                continue;
            }
            pairs.add(pair);
            started++;
            pool.execute(() -> {
                try {
                    attempt(claimed.get());
                } catch (RuntimeException e) {
                    log.warn("webhook delivery {} failed unexpectedly; it is retried when its lease ends: {}", claimed.get().id(), e.toString());
                } finally {
                    slots.release();
                }
            });
        }
        return started;
    }

    private void attempt(StoredDelivery delivery) {
        Optional<StoredSubscription> found = subscriptions.byKey(delivery.subscriptionKey());
        if (found.isEmpty()) {
            deliveries.deleteClaimed(delivery); // the subscription was deleted meanwhile
            return;
        }
        StoredSubscription subscription = found.get();
        if (!subscription.enabled()) {
            deliveries.abandon(delivery, ENDPOINT_DISABLED);
            return;
        }
        Instant sentAt = clock.instant();
        long timestamp = sentAt.getEpochSecond();
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("webhook-id", delivery.id());
        headers.put("webhook-timestamp", Long.toString(timestamp));
        headers.put("webhook-signature", WebhookSignature.header(secrets.signingKeys(subscription, sentAt), delivery.id(),
                timestamp, delivery.body()));
        WebhookHttp.Outcome outcome = http.post(URI.create(subscription.url()), headers, delivery.body());
        Instant done = clock.instant();
        if (outcome.delivered()) {
            count("delivered");
            deliveries.delivered(delivery, outcome.status(), done);
            subscriptions.succeeded(subscription);
            return;
        }
        String error = outcome.error() != null ? outcome.error() : "the receiver answered " + outcome.status();
        Optional<Instant> next = schedule.nextAttempt(delivery.attempts() + 1, done);
        count(next.isPresent() ? "failed" : "exhausted");
        deliveries.failed(delivery, outcome.status(), error, done, next);
        subscriptions.failed(subscription, sentAt);
        if (next.isEmpty()) {
            subscriptions.exhausted(subscription.key()).ifPresent(counted -> {
                if (disablePolicy.disables(counted.exhaustedInARow(), counted.failingSince(), done)) {
                    events.disable(counted, done);
                }
            });
        }
    }

    private void count(String outcome) {
        io.micrometer.core.instrument.Counter.builder(ATTEMPTS_COUNTER).description("Webhook delivery attempts by outcome")
                .tag("outcome", outcome).register(meters).increment();
    }

    @Override
    public void destroy() {
        pool.shutdownNow();
    }
}
