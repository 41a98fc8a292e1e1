package org.backtrack.progress.webhooks;

import lombok.RequiredArgsConstructor;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * The deliveries. Claims follow BackTrack's guarded-write style: a delivery is claimed by one {@code findAndModify}
 * guarded by its due state, under a lease and a claim token; the sender's result is written guarded by that token, so
 * a sender whose lease ran out (and whose delivery another instance took over) changes nothing.
 */
@Component
@RequiredArgsConstructor
class Deliveries {

    private final MongoOperations mongo;

    /** Inserts each delivery unless it exists (a Kafka redelivery of the same event): one bulk write. */
    void insertAbsent(List<StoredDelivery> deliveries) {
        if (deliveries.isEmpty()) {
            return;
        }
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, StoredDelivery.class);
        for (StoredDelivery d : deliveries) {
            Update insert = new Update().setOnInsert("subscriptionKey", d.subscriptionKey()).setOnInsert("subscriptionId", d.subscriptionId())
                    .setOnInsert("clinicId", d.clinicId()).setOnInsert("orderKey", d.orderKey()).setOnInsert("sequence", d.sequence())
                    .setOnInsert("eventId", d.eventId()).setOnInsert("eventType", d.eventType()).setOnInsert("body", d.body())
                    .setOnInsert("status", d.status()).setOnInsert("attempts", 0).setOnInsert("nextAttemptAt", d.nextAttemptAt())
                    .setOnInsert("createdAt", d.createdAt());
            bulk.upsert(query(where("_id").is(d.id())), insert);
        }
        bulk.execute();
    }

    /** Deliveries due now, or claimed by a sender whose lease ran out; soonest first. */
    List<StoredDelivery> due(Instant now, int limit) {
        return mongo.find(query(dueAt(now)).with(Sort.by("nextAttemptAt", "sequence")).limit(limit), StoredDelivery.class);
    }

    private static Criteria dueAt(Instant now) {
        return new Criteria().orOperator(where("status").is(DeliveryStatus.PENDING).and("nextAttemptAt").lte(now),
                where("status").is(DeliveryStatus.SENDING).and("leaseUntil").lt(now));
    }

    /** The earliest delivery of the same subscription and patient still to be delivered before this one, if any. */
    Optional<StoredDelivery> earlierUndelivered(StoredDelivery delivery) {
        return Optional.ofNullable(mongo.findOne(query(where("subscriptionId").is(delivery.subscriptionId())
                .and("orderKey").is(delivery.orderKey()).and("sequence").lt(delivery.sequence())
                .and("status").in(DeliveryStatus.PENDING, DeliveryStatus.SENDING)).with(Sort.by("sequence")).limit(1),
                StoredDelivery.class));
    }

    /** Puts a delivery held behind an earlier one off until the earlier one may be done. */
    void holdUntil(StoredDelivery delivery, Instant until) {
        mongo.updateFirst(query(where("_id").is(delivery.id()).and("status").is(DeliveryStatus.PENDING)
                .and("nextAttemptAt").lt(until)), new Update().set("nextAttemptAt", until), StoredDelivery.class);
    }

    /** @return the delivery, claimed until {@code leaseUntil} under {@code claim}; empty when another sender has it */
    Optional<StoredDelivery> claim(StoredDelivery delivery, Instant now, Instant leaseUntil, String claim) {
        Query due = query(where("_id").is(delivery.id()).andOperator(dueAt(now)));
        return Optional.ofNullable(mongo.findAndModify(due, new Update().set("status", DeliveryStatus.SENDING)
                .set("leaseUntil", leaseUntil).set("claim", claim), FindAndModifyOptions.options().returnNew(true), StoredDelivery.class));
    }

    private static Query claimed(StoredDelivery delivery) {
        return query(where("_id").is(delivery.id()).and("status").is(DeliveryStatus.SENDING).and("claim").is(delivery.claim()));
    }

    void delivered(StoredDelivery delivery, int status, Instant at) {
        mongo.updateFirst(claimed(delivery), new Update().set("status", DeliveryStatus.DELIVERED).inc("attempts", 1)
                .set("lastResponseCode", status).set("lastError", null).set("lastAttemptAt", at).set("deliveredAt", at)
                .set("nextAttemptAt", null).set("leaseUntil", null), StoredDelivery.class);
    }

    /** A failed attempt; {@code next} empty: the delivery is exhausted. */
    void failed(StoredDelivery delivery, Integer status, String error, Instant at, Optional<Instant> next) {
        mongo.updateFirst(claimed(delivery), new Update()
                .set("status", next.isPresent() ? DeliveryStatus.PENDING : DeliveryStatus.FAILED).inc("attempts", 1)
                .set("lastResponseCode", status).set("lastError", error).set("lastAttemptAt", at)
                .set("nextAttemptAt", next.orElse(null)).set("leaseUntil", null), StoredDelivery.class);
    }

    /** A claimed delivery that will not be attempted (its endpoint was disabled): FAILED with the reason, no attempt counted. */
    void abandon(StoredDelivery delivery, String reason) {
        mongo.updateFirst(claimed(delivery), new Update().set("status", DeliveryStatus.FAILED).set("lastError", reason)
                .set("nextAttemptAt", null).set("leaseUntil", null), StoredDelivery.class);
    }

    void deleteClaimed(StoredDelivery delivery) {
        mongo.remove(claimed(delivery), StoredDelivery.class);
    }

    Optional<StoredDelivery> find(String subscriptionId, String deliveryId) {
        return Optional.ofNullable(mongo.findOne(query(where("_id").is(deliveryId).and("subscriptionId").is(subscriptionId)),
                StoredDelivery.class));
    }

    /** Newest first; {@code after} the last delivery of the page before (its creation time and id). */
    List<StoredDelivery> page(String subscriptionId, Optional<Instant> afterCreatedAt, Optional<String> afterId, int limit) {
        Criteria criteria = where("subscriptionId").is(subscriptionId);
        if (afterCreatedAt.isPresent() && afterId.isPresent()) {
            criteria = criteria.orOperator(where("createdAt").lt(afterCreatedAt.get()),
                    where("createdAt").is(afterCreatedAt.get()).and("_id").gt(afterId.get()));
        }
        Query page = query(criteria).with(Sort.by(Sort.Order.desc("createdAt"), Sort.Order.asc("_id"))).limit(limit);
        page.fields().exclude("body");
        return mongo.find(page, StoredDelivery.class);
    }

    /**
     * Makes a delivery due again now with a fresh schedule (same {@code webhook-id}).
     *
     * @return the delivery; empty when it is being sent right now
     */
    Optional<StoredDelivery> redeliver(String subscriptionId, String deliveryId, Instant now) {
        return Optional.ofNullable(mongo.findAndModify(query(where("_id").is(deliveryId).and("subscriptionId").is(subscriptionId)
                        .and("status").ne(DeliveryStatus.SENDING)),
                new Update().set("status", DeliveryStatus.PENDING).set("attempts", 0).set("nextAttemptAt", now)
                        .set("deliveredAt", null),
                FindAndModifyOptions.options().returnNew(true), StoredDelivery.class));
    }

    void deleteAllOf(String subscriptionId) {
        mongo.remove(query(where("subscriptionId").is(subscriptionId)), StoredDelivery.class);
    }
}
