package org.backtrack.progress.webhooks;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.backtrack.events.WebhookEventTypes;
import org.backtrack.paging.Paging;
import org.backtrack.progress.UnavailableException;
import org.backtrack.progress.webhooks.rules.EndpointUrlPolicy;
import org.backtrack.progress.webhooks.rules.SubscriptionRules;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * A clinic's webhooks, always looked up under the caller's clinic: another clinic's id is answered like an unknown one.
 * URLs pass {@link EndpointUrlPolicy} when written, subscriptions {@link SubscriptionRules}; a secret is returned once,
 * at creation and at each rotation, and stored only encrypted.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class Webhooks {

    /** A webhook as its clinic sees it (never its secret). */
    public record Webhook(String id, String url, List<String> eventTypes, String description, boolean enabled,
                          String disabledReason, Instant disabledAt, Instant createdAt, Instant updatedAt) {
    }

    /** A new webhook and its signing secret, shown this once. */
    public record Created(Webhook webhook, String secret) {
    }

    /** A new signing secret, shown this once, and until when the previous one still signs. */
    public record Rotated(String secret, Instant previousSecretValidUntil) {
    }

    /** A delivery as its clinic sees it: no payload (the event is the clinic's own), no patient. */
    public record Delivery(String id, String eventId, String eventType, DeliveryStatus status, int attempts,
                           Integer responseCode, String lastError, Instant lastAttemptAt, Instant nextAttemptAt,
                           Instant createdAt, Instant deliveredAt) {
    }

    /** What a PATCH changes; absent fields stay. */
    public record Change(Optional<String> url, Optional<List<String>> eventTypes, Optional<String> description,
                         boolean clearDescription, Optional<Boolean> enabled) {
    }

    private static final SecureRandom IDS = new SecureRandom();

    private final Subscriptions subscriptions;
    private final Deliveries deliveries;
    private final WebhookSecrets secrets;
    private final WebhookConfiguration.Rules rules;
    private final Clock clock;

    public Created create(String clinicId, String url, List<String> eventTypes, String description) {
        String checkedUrl = checkedUrl(url);
        List<String> types = SubscriptionRules.eventTypes(eventTypes, WebhookEventTypes.ALL);
        String text = SubscriptionRules.description(description);
        SubscriptionRules.withinLimit(subscriptions.countOf(clinicId), rules.maxPerClinic());
        Instant now = clock.instant();
        byte[] random = new byte[12];
        IDS.nextBytes(random);
        String id = "wh_" + HexFormat.of().formatHex(random);
        WebhookSecrets.Issued secret = secrets.issue(id, now);
        StoredSubscription stored = new StoredSubscription(Subscriptions.keyOf(clinicId, id), id, clinicId, checkedUrl, types, text,
                true, null, null, List.of(secret.stored()), now, now, null, 0, null, null, null);
        subscriptions.insert(stored);
        return new Created(view(stored), secret.secret());
    }

    public List<Webhook> list(String clinicId) {
        return subscriptions.ofClinic(clinicId).stream().map(Webhooks::view).toList();
    }

    public Webhook get(String clinicId, String id) {
        return view(stored(clinicId, id));
    }

    public Webhook change(String clinicId, String id, Change change) {
        stored(clinicId, id);
        Instant now = clock.instant();
        Update update = new Update().set("updatedAt", now);
        change.url().ifPresent(url -> update.set("url", checkedUrl(url)));
        change.eventTypes().ifPresent(types -> update.set("eventTypes", SubscriptionRules.eventTypes(types, WebhookEventTypes.ALL)));
        if (change.clearDescription()) {
            update.set("description", null);
        } else {
            change.description().ifPresent(text -> update.set("description", SubscriptionRules.description(text)));
        }
        change.enabled().ifPresent(enabled -> {
            update.set("enabled", enabled);
            if (enabled) { // enabled again: a fresh start for the disable policy
                update.set("disabledReason", null).set("disabledAt", null).set("failingSince", null).set("exhaustedInARow", 0);
            } else {
                update.set("disabledReason", "disabled by the clinic").set("disabledAt", now);
            }
        });
        return subscriptions.change(clinicId, id, update).map(Webhooks::view).orElseThrow(() -> UnavailableException.webhookNotFound(id));
    }

    public void delete(String clinicId, String id) {
        if (!subscriptions.delete(clinicId, id)) {
            throw UnavailableException.webhookNotFound(id);
        }
        deliveries.deleteAllOf(id);
    }

    public Rotated rotate(String clinicId, String id) {
        StoredSubscription current = stored(clinicId, id);
        Instant now = clock.instant();
        WebhookSecrets.Issued fresh = secrets.issue(id, now);
        List<StoredSubscription.Secret> rotated = secrets.rotated(current, fresh.stored(), now);
        subscriptions.change(clinicId, id, new Update().set("secrets", rotated).set("updatedAt", now))
                .orElseThrow(() -> UnavailableException.webhookNotFound(id));
        return new Rotated(fresh.secret(), rotated.size() > 1 ? rotated.get(1).expiresAt() : null);
    }

    public Paging.Page<Delivery> deliveries(String clinicId, String id, Paging.Request request) {
        stored(clinicId, id);
        Optional<Instant> afterAt = request.after().map(c -> c.instant(Paging.CURSOR, 0));
        Optional<String> afterId = request.after().map(c -> c.identifier(Paging.CURSOR, 1));
        List<Delivery> fetched = deliveries.page(id, afterAt, afterId, request.size() + 1).stream().map(Webhooks::view).toList();
        return Paging.Page.of(fetched, request.size(), d -> Paging.Cursor.of(d.createdAt(), d.id()));
    }

    public Delivery redeliver(String clinicId, String id, String deliveryId) {
        stored(clinicId, id);
        deliveries.find(id, deliveryId).orElseThrow(() -> UnavailableException.deliveryNotFound(deliveryId));
        return deliveries.redeliver(id, deliveryId, clock.instant()).map(Webhooks::view)
                .orElseThrow(() -> UnavailableException.deliveryInFlight(deliveryId));
    }

    private StoredSubscription stored(String clinicId, String id) {
        if (clinicId == null) {
            throw UnavailableException.webhookNotFound(id);
        }
        return subscriptions.find(clinicId, id).orElseThrow(() -> UnavailableException.webhookNotFound(id));
    }

    private String checkedUrl(String url) {
        return rules.urlPolicy().check(url).toString();
    }

    private static Webhook view(StoredSubscription s) {
        return new Webhook(s.id(), s.url(), s.eventTypes(), s.description(), s.enabled(), s.disabledReason(), s.disabledAt(),
                s.createdAt(), s.updatedAt());
    }

    private static Delivery view(StoredDelivery d) {
        return new Delivery(d.id(), d.eventId(), d.eventType(), d.status(), d.attempts(), d.lastResponseCode(), d.lastError(),
                d.lastAttemptAt(), d.nextAttemptAt(), d.createdAt(), d.deliveredAt());
    }
}
