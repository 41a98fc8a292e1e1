package org.backtrack.outbox;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Update;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * Owed events kept in the documents themselves, in the fields {@value #EVENT_ID} (the id of the event the current
 * version owes, new with every version), {@value #PUBLICATION} and {@value #CLAIMED_AT}, and ordered by a field the
 * document type names. Every state change is one write guarded by the document's id and event id, so a newer version
 * is never marked by the sender of an older one.
 */
public final class MongoOwedEvents<T> implements OwedEvents<T> {

    public static final String EVENT_ID = "eventId";
    public static final String PUBLICATION = "publication";
    public static final String CLAIMED_AT = "claimedAt";

    private final MongoOperations mongo;
    private final Class<T> type;
    private final String collection;
    private final Function<T, Object> id;
    private final Function<T, String> eventId;
    private final Function<T, Publication> publication;
    private final String orderField;
    private final Clock clock;
    private final Function<T, Update> onPublished;

    public MongoOwedEvents(MongoOperations mongo, Class<T> type, Function<T, Object> id, Function<T, String> eventId,
                           Function<T, Publication> publication, String orderField, Clock clock) {
        this(mongo, type, mongo.getCollectionName(type), id, eventId, publication, orderField, clock);
    }

    /**
     * With fields a document sets once the broker acknowledged every event it holds (a count of events sent, say),
     * written in the same update that marks it published.
     */
    public MongoOwedEvents<T> settingOnPublished(Function<T, Update> fields) {
        return new MongoOwedEvents<>(mongo, type, collection, id, eventId, publication, orderField, clock, fields);
    }

    /** For a document type mapped to a collection of its store's choosing rather than by annotation. */
    public MongoOwedEvents(MongoOperations mongo, Class<T> type, String collection, Function<T, Object> id,
                           Function<T, String> eventId, Function<T, Publication> publication, String orderField, Clock clock) {
        this(mongo, type, collection, id, eventId, publication, orderField, clock, owed -> new Update());
    }

    private MongoOwedEvents(MongoOperations mongo, Class<T> type, String collection, Function<T, Object> id,
                            Function<T, String> eventId, Function<T, Publication> publication, String orderField, Clock clock,
                            Function<T, Update> onPublished) {
        this.mongo = mongo;
        this.type = type;
        this.collection = collection;
        this.id = id;
        this.eventId = eventId;
        this.publication = publication;
        this.orderField = orderField;
        this.clock = clock;
        this.onPublished = onPublished;
    }

    @Override
    public boolean transition(T owed, Publication from, Publication to) {
        var guard = query(thisVersion(owed).and(PUBLICATION).is(from));
        return mongo.updateFirst(guard, change(owed, to), type, collection).getModifiedCount() == 1;
    }

    @Override
    public void transitionAll(List<T> owed, Publication from, Publication to) {
        if (owed.isEmpty()) {
            return;
        }
        BulkOperations writes = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, type, collection);
        owed.forEach(o -> writes.updateOne(query(thisVersion(o).and(PUBLICATION).is(from)), change(o, to)));
        writes.execute();
    }

    @Override
    public List<T> owed(Instant staleClaim, int limit) {
        var owed = new Criteria().orOperator(
                where(PUBLICATION).is(Publication.PENDING),
                where(PUBLICATION).is(Publication.PUBLISHING).and(CLAIMED_AT).lt(staleClaim));
        return mongo.find(query(owed).with(Sort.by(orderField)).limit(limit), type, collection);
    }

    @Override
    public long countOwed() {
        return mongo.count(query(where(PUBLICATION).in(Publication.PENDING, Publication.PUBLISHING)), type, collection);
    }

    @Override
    public Publication publicationOf(T owed) {
        return publication.apply(owed);
    }

    private Update change(T owed, Publication to) {
        Update update = to == Publication.PUBLISHED ? onPublished.apply(owed) : new Update();
        return update.set(PUBLICATION, to).set(CLAIMED_AT, clock.instant());
    }

    private Criteria thisVersion(T owed) {
        return where("_id").is(id.apply(owed)).and(EVENT_ID).is(eventId.apply(owed));
    }
}
