package org.backtrack.progress.webhooks;

import org.backtrack.outbox.MongoOwedEvents;
import org.backtrack.outbox.Publication;
import org.backtrack.security.ClinicKeys;
import lombok.RequiredArgsConstructor;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/** The subscriptions, each one document under {@code clinicId/id}; every change is one guarded single-document write. */
@Component
@RequiredArgsConstructor
class Subscriptions {

    private final MongoOperations mongo;

    static String keyOf(String clinicId, String id) {
        return ClinicKeys.of(clinicId, id);
    }

    void insert(StoredSubscription subscription) {
        mongo.insert(subscription);
    }

    Optional<StoredSubscription> find(String clinicId, String id) {
        return Optional.ofNullable(mongo.findById(keyOf(clinicId, id), StoredSubscription.class));
    }

    Optional<StoredSubscription> byKey(String key) {
        return Optional.ofNullable(mongo.findById(key, StoredSubscription.class));
    }

    List<StoredSubscription> ofClinic(String clinicId) {
        return mongo.find(query(where("clinicId").is(clinicId)).with(Sort.by("createdAt", "_id")), StoredSubscription.class);
    }

    long countOf(String clinicId) {
        return mongo.count(query(where("clinicId").is(clinicId)), StoredSubscription.class);
    }

    /** Whether any clinic has an enabled subscription. */
    boolean anyEnabled() {
        return mongo.exists(query(where("enabled").is(true)), StoredSubscription.class);
    }

    /** The enabled subscriptions of these clinics: one query per consumer batch. */
    List<StoredSubscription> enabledOf(Collection<String> clinicIds) {
        return clinicIds.isEmpty() ? List.of()
                : mongo.find(query(where("clinicId").in(clinicIds).and("enabled").is(true)), StoredSubscription.class);
    }

    /** @return the subscription as changed; empty when it does not exist (in this clinic) */
    Optional<StoredSubscription> change(String clinicId, String id, Update update) {
        return Optional.ofNullable(mongo.findAndModify(query(where("_id").is(keyOf(clinicId, id))), update,
                FindAndModifyOptions.options().returnNew(true), StoredSubscription.class));
    }

    boolean delete(String clinicId, String id) {
        return mongo.remove(query(where("_id").is(keyOf(clinicId, id))), StoredSubscription.class).getDeletedCount() == 1;
    }

    /** A successful delivery: the endpoint is not failing (written only when it was, so a healthy endpoint costs no write). */
    void succeeded(StoredSubscription subscription) {
        if (subscription.failingSince() != null || subscription.exhaustedInARow() > 0) {
            mongo.updateFirst(query(where("_id").is(subscription.key())),
                    new Update().set("failingSince", null).set("exhaustedInARow", 0), StoredSubscription.class);
        }
    }

    /** A failed attempt: the endpoint is failing since now, unless it already was. */
    void failed(StoredSubscription subscription, Instant at) {
        if (subscription.failingSince() == null) {
            mongo.updateFirst(query(where("_id").is(subscription.key()).and("failingSince").is(null)),
                    new Update().set("failingSince", at), StoredSubscription.class);
        }
    }

    /** @return the subscription after counting one more delivery exhausted in a row */
    Optional<StoredSubscription> exhausted(String key) {
        return Optional.ofNullable(mongo.findAndModify(query(where("_id").is(key)), new Update().inc("exhaustedInARow", 1),
                FindAndModifyOptions.options().returnNew(true), StoredSubscription.class));
    }

    /**
     * Disables an enabled endpoint and makes it owe the event that says so, in one guarded write.
     *
     * @return the disabled subscription; empty when it was disabled (or deleted) meanwhile
     */
    Optional<StoredSubscription> disable(String key, String reason, String eventId, Instant now) {
        return Optional.ofNullable(mongo.findAndModify(query(where("_id").is(key).and("enabled").is(true)),
                new Update().set("enabled", false).set("disabledReason", reason).set("disabledAt", now).set("updatedAt", now)
                        .set(MongoOwedEvents.EVENT_ID, eventId).set(MongoOwedEvents.PUBLICATION, Publication.PENDING)
                        .set(MongoOwedEvents.CLAIMED_AT, now),
                FindAndModifyOptions.options().returnNew(true), StoredSubscription.class));
    }

    MongoOwedEvents<StoredSubscription> owedEvents(Clock clock) {
        return new MongoOwedEvents<>(mongo, StoredSubscription.class, StoredSubscription::key, StoredSubscription::eventId,
                StoredSubscription::publication, "disabledAt", clock);
    }
}
