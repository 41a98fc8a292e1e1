package org.backtrack.progress.alerts;

import org.backtrack.events.AlertResolution;
import org.backtrack.events.AlertStatus;
import org.backtrack.outbox.MongoOwedEvents;
import org.backtrack.outbox.OwedEvents;
import org.backtrack.outbox.Publication;
import org.backtrack.progress.alerts.rules.AlertLifecycle;
import org.backtrack.security.ClinicScope;
import org.backtrack.paging.Paging;
import com.mongodb.ErrorCategory;
import com.mongodb.bulk.BulkWriteError;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.BulkOperationException;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * The stored alerts: primary data (clinicians' decisions), never deleted or rebuilt. Every change is one guarded
 * single-document write: a raise is an insert under the alert's deterministic key (a second raise of the same alert
 * finds it there), an acknowledgement is guarded on "not acknowledged yet", a resolution on "not resolved yet". No
 * locks, no transactions, so concurrent instances and retries are harmless.
 */
@Repository
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class Alerts {

    private static final int MAX_ATTEMPTS = 5;

    private final MongoOperations mongo;

    /** Inserts the alert unless one with its key exists; returns it when this call stored it. */
    Optional<StoredAlert> insertIfAbsent(StoredAlert alert) {
        try {
            mongo.insert(alert);
            return Optional.of(alert);
        } catch (DuplicateKeyException alreadyRaised) {
            return Optional.empty();
        }
    }

    /**
     * Inserts the alerts that are absent, in one unordered bulk write; returns those this call stored (a second raise of
     * an alert finds it there and is left out).
     */
    List<StoredAlert> insertAllIfAbsent(List<StoredAlert> raised) {
        if (raised.isEmpty()) {
            return List.of();
        }
        try {
            mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, StoredAlert.class).insert(raised).execute();
            return raised;
        } catch (BulkOperationException partly) {
            Set<Integer> taken = new HashSet<>();
            for (BulkWriteError error : partly.getErrors()) {
                if (ErrorCategory.fromErrorCode(error.getCode()) != ErrorCategory.DUPLICATE_KEY) {
                    throw partly;
                }
                taken.add(error.getIndex());
            }
            List<StoredAlert> stored = new ArrayList<>();
            for (int i = 0; i < raised.size(); i++) {
                if (!taken.contains(i)) {
                    stored.add(raised.get(i));
                }
            }
            return stored;
        } catch (DuplicateKeyException which) {
            // reported without the positions: find out one by one (each insert is idempotent)
            return raised.stream().flatMap(alert -> insertIfAbsent(alert).stream()).toList();
        }
    }

    /** A resolution the rules decided. */
    record Resolving(String clinicId, String alertId, AlertResolution reason, String bySessionId) {
    }

    /**
     * Resolves an alert that has not resolved, claimed by the caller to send its event ({@link AlertWriter}); returns
     * it as written, empty when it had resolved (or does not exist).
     */
    Optional<StoredAlert> resolve(Resolving resolving, Instant now) {
        return Optional.ofNullable(mongo.findAndModify(unresolved(resolving), resolution(resolving, now),
                FindAndModifyOptions.options().returnNew(true), StoredAlert.class));
    }

    /**
     * {@link #resolve} for many alerts in one unordered bulk update and one read: returns the alerts this call resolved,
     * as written (those it claimed at {@code now} for their resolved event; one resolved before matched nothing).
     */
    List<StoredAlert> resolveAll(List<Resolving> resolutions, Instant now) {
        if (resolutions.isEmpty()) {
            return List.of();
        }
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, StoredAlert.class);
        resolutions.forEach(r -> bulk.updateOne(unresolved(r), resolution(r, now)));
        bulk.execute();
        List<String> keys = resolutions.stream().map(r -> StoredAlert.keyOf(r.clinicId(), r.alertId())).toList();
        List<String> eventIds = resolutions.stream().map(r -> StoredAlert.LifecycleEvent.resolved(r.alertId(), now).id()).toList();
        return mongo.find(query(where("_id").in(keys).and(MongoOwedEvents.EVENT_ID).in(eventIds)
                .and(MongoOwedEvents.PUBLICATION).is(Publication.PUBLISHING).and(MongoOwedEvents.CLAIMED_AT).is(now)), StoredAlert.class);
    }

    private static Query unresolved(Resolving resolving) {
        return query(where("_id").is(StoredAlert.keyOf(resolving.clinicId(), resolving.alertId())).and("resolution").is(null));
    }

    private static Update resolution(Resolving resolving, Instant now) {
        var event = StoredAlert.LifecycleEvent.resolved(resolving.alertId(), now);
        return owing(new Update()
                .set("resolution", new StoredAlert.Resolution(now, resolving.reason(), resolving.bySessionId()))
                .set("status", AlertStatus.RESOLVED).set("statusRank", AlertStatus.RESOLVED.rank())
                .push("events", event), event, now)
                .set(MongoOwedEvents.PUBLICATION, Publication.PUBLISHING).set(MongoOwedEvents.CLAIMED_AT, now); // its writer sends it
    }

    /** What an acknowledgement came to. */
    public record Acknowledged(Outcome outcome, StoredAlert alert) {
        public enum Outcome { ACKNOWLEDGED, NOT_FOUND, ALREADY_ACKNOWLEDGED }
    }

    /**
     * Records a clinician's acknowledgement, once: guarded on the alert not being acknowledged yet, so of two at the
     * same moment exactly one succeeds. A red flag resolves with it ({@link AlertLifecycle#resolvesOnAcknowledgement}).
     */
    Acknowledged acknowledge(String clinicId, String alertId, String by, String note, Instant now) {
        String key = StoredAlert.keyOf(clinicId, alertId);
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            StoredAlert current = mongo.findById(key, StoredAlert.class);
            if (current == null || !current.clinicId().equals(clinicId)) {
                return new Acknowledged(Acknowledged.Outcome.NOT_FOUND, null);
            }
            if (current.acknowledgement() != null) {
                return new Acknowledged(Acknowledged.Outcome.ALREADY_ACKNOWLEDGED, current);
            }
            boolean resolvedBefore = current.resolution() != null;
            AlertStatus after = AlertLifecycle.statusAfterAcknowledgement(current.type(), resolvedBefore);
            List<StoredAlert.LifecycleEvent> events = new ArrayList<>();
            events.add(StoredAlert.LifecycleEvent.acknowledged(alertId, now));
            Update update = new Update().set("acknowledgement", new StoredAlert.Acknowledgement(by, now, note))
                    .set("status", after).set("statusRank", after.rank());
            AlertLifecycle.resolutionByAcknowledgement(current.type(), resolvedBefore).ifPresent(resolution -> {
                update.set("resolution", new StoredAlert.Resolution(now, resolution, null));
                events.add(StoredAlert.LifecycleEvent.resolved(alertId, now));
            });
            update.push("events").each(events.toArray());
            Criteria guard = where("_id").is(key).and("acknowledgement").is(null);
            guard = resolvedBefore ? guard.and("resolution").ne(null) : guard.and("resolution").is(null);
            StoredAlert written = mongo.findAndModify(query(guard), owing(update, events.get(events.size() - 1), now),
                    FindAndModifyOptions.options().returnNew(true), StoredAlert.class);
            if (written != null) {
                return new Acknowledged(Acknowledged.Outcome.ACKNOWLEDGED, written);
            }
            // someone acknowledged it, or it resolved, between the read and the write: look again
        }
        throw new IllegalStateException("alert " + alertId + " kept changing under concurrent updates");
    }

    /** The change's event is the one the document owes now: the outbox fields of {@link MongoOwedEvents}. */
    private static Update owing(Update update, StoredAlert.LifecycleEvent event, Instant now) {
        return update.set(MongoOwedEvents.EVENT_ID, event.id()).set(MongoOwedEvents.PUBLICATION, Publication.PENDING)
                .set("changedAt", now);
    }

    /** Counts the events the broker acknowledged (never down: a slower sender cannot undo a faster one's count). */
    void markSent(String key, int sent) {
        mongo.updateFirst(query(where("_id").is(key)), new Update().max("publishedEvents", sent), StoredAlert.class);
    }

    /** The events the stored alerts owe, as the outbox reads and marks them (oldest change first). */
    OwedEvents<StoredAlert> owedEvents(Clock clock) {
        return new MongoOwedEvents<>(mongo, StoredAlert.class, StoredAlert::key, StoredAlert::eventId, StoredAlert::publication,
                "changedAt", clock)
                // every event the alert held was acknowledged (a sender that sends one by one also counts as it goes)
                .settingOnPublished(alert -> new Update().max("publishedEvents", alert.events().size()));
    }

    /** One alert of the clinic; another clinic's is not found, whatever its id. */
    public Optional<StoredAlert> find(String clinicId, String alertId) {
        return Optional.ofNullable(mongo.findById(StoredAlert.keyOf(clinicId, alertId), StoredAlert.class))
                .filter(a -> a.clinicId().equals(clinicId));
    }

    List<StoredAlert> byKeys(Collection<String> keys) {
        return keys.isEmpty() ? List.of() : mongo.find(query(where("_id").in(keys)), StoredAlert.class);
    }

    /**
     * One page of a clinic's alerts (of one patient, when given), open first, then acknowledged, then resolved; newest
     * raised first within each; keyset-paged on (status rank, raised at, alert id).
     */
    public Paging.Page<StoredAlert> page(String clinicId, Optional<String> patientId, Optional<AlertStatus> status,
                                         Optional<Paging.Cursor> after, int size) {
        List<Criteria> conditions = new ArrayList<>();
        patientId.ifPresent(p -> conditions.add(where("patientId").is(p)));
        status.ifPresent(s -> conditions.add(where("statusRank").is(s.rank())));
        after.ifPresent(cursor -> {
            int rank = cursor.integer(Paging.CURSOR, 0, 0, AlertStatus.values().length - 1);
            Instant raisedAt = cursor.instant(Paging.CURSOR, 1);
            String alertId = cursor.identifier(Paging.CURSOR, 2);
            conditions.add(new Criteria().orOperator(where("statusRank").gt(rank),
                    where("statusRank").is(rank).and("raisedAt").lt(raisedAt),
                    where("statusRank").is(rank).and("raisedAt").is(raisedAt).and("alertId").gt(alertId)));
        });
        var found = mongo.find(query(ClinicScope.of(clinicId, conditions))
                .with(Sort.by(Sort.Order.asc("statusRank"), Sort.Order.desc("raisedAt"), Sort.Order.asc("alertId")))
                .limit(size + 1), StoredAlert.class);
        return Paging.Page.of(found, size, a -> Paging.Cursor.of(a.statusRank(), a.raisedAt(), a.alertId()));
    }
}
