package org.backtrack.catalog.storage;

import org.backtrack.catalog.model.Exercise;
import org.backtrack.catalog.model.ExerciseFilter;
import org.backtrack.catalog.rules.BuiltInUpgrade;
import org.backtrack.outbox.MongoOwedEvents;
import org.backtrack.outbox.OwedEvents;
import org.backtrack.outbox.Publication;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndReplaceOptions;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.index.IndexOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.backtrack.events.CloudEventFactory;
import java.util.regex.Pattern;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * The exercise collection. Built-in entries are keyed by their slug. The model is plain Java, so its mapping is
 * declared here: the collection, the id (the record's {@code id}, by convention) and the indexes the hot queries need
 * on real MongoDB (the embedded wire server ignores non-unique ones), named as the annotations that declared them did.
 */
@Repository
public class Exercises {

    static final String COLLECTION = "exercises";
    private static final String LEGACY_PENDING = "eventPending";
    private static final Logger log = LoggerFactory.getLogger(Exercises.class);

    private final MongoOperations mongo;

    Exercises(MongoOperations mongo) {
        this.mongo = mongo;
        IndexOperations indexes = mongo.indexOps(COLLECTION);
        indexes.createIndex(new Index().on("clinicId", Sort.Direction.ASC).named("clinicId"));
        indexes.createIndex(new Index().on(MongoOwedEvents.PUBLICATION, Sort.Direction.ASC).named(MongoOwedEvents.PUBLICATION));
    }

    /**
     * Writes an entry of the content file as {@link BuiltInUpgrade} decides. A replaced entry that was retired stays
     * retired: retiring is an administrator's decision the file does not undo.
     *
     * @return the entry as written, or empty when nothing changed (or another writer got there first)
     */
    public Optional<Exercise> upsertBuiltIn(Exercise fromFile, Instant at) {
        Exercise stored = mongo.findById(fromFile.id(), Exercise.class, COLLECTION);
        var decision = BuiltInUpgrade.decide(stored != null, stored != null && stored.builtIn(),
                stored == null ? null : stored.contentVersion(), fromFile.contentVersion());
        switch (decision) {
            case INSERT -> {
                try {
                    return Optional.of(mongo.insert(fromFile.asVersion(1, at), COLLECTION));
                } catch (DuplicateKeyException raced) {
                    return Optional.empty();
                }
            }
            case REPLACE -> {
                if (stored.contentVersion() == null) {
                    log.warn("Built-in exercise {} (version {}) was based on no content file version; content version {} "
                            + "replaces it", stored.id(), stored.version(), fromFile.contentVersion());
                }
                return replace(fromFile.withRetired(stored.retired()).asVersion(stored.version() + 1, at), stored.version());
            }
            default -> {
                return Optional.empty();
            }
        }
    }

    /**
     * Documents written before the outbox carried a bare {@code eventPending} flag: an owed one gets an event id and
     * becomes PENDING, so the relay delivers it; the flag goes.
     */
    public int adoptLegacyPendingFlags(Instant at) {
        int adopted = 0;
        for (Exercise legacy : mongo.find(Query.query(where(LEGACY_PENDING).is(true)), Exercise.class, COLLECTION)) {
            Update owed = new Update().set(MongoOwedEvents.EVENT_ID, CloudEventFactory.newId()).set("changedAt", at)
                    .set(MongoOwedEvents.PUBLICATION, Publication.PENDING).unset(LEGACY_PENDING);
            adopted += (int) mongo.updateFirst(Query.query(where("_id").is(legacy.id()).and("version").is(legacy.version())
                    .and(LEGACY_PENDING).is(true)), owed, Exercise.class, COLLECTION).getModifiedCount();
        }
        mongo.updateMulti(Query.query(where(LEGACY_PENDING).exists(true)), new Update().unset(LEGACY_PENDING), Exercise.class, COLLECTION);
        return adopted;
    }

    /** @throws org.springframework.dao.DuplicateKeyException when the id is taken */
    public Exercise insert(Exercise exercise) {
        return mongo.insert(exercise, COLLECTION);
    }

    /** Replaces the stored exercise if it is still at {@code expectedVersion}; empty when it moved on. */
    public Optional<Exercise> replace(Exercise next, long expectedVersion) {
        var guard = Query.query(where("_id").is(next.id()).and("version").is(expectedVersion));
        return Optional.ofNullable(mongo.findAndReplace(guard, next, FindAndReplaceOptions.options().returnNew(), Exercise.class,
                COLLECTION, Exercise.class));
    }

    /** The events the stored exercises owe, as the outbox reads and marks them (oldest change first). */
    public OwedEvents<Exercise> owedEvents(Clock clock) {
        return new MongoOwedEvents<>(mongo, Exercise.class, COLLECTION, Exercise::id, Exercise::eventId, Exercise::publication,
                "changedAt", clock);
    }

    /** Every exercise visible to a clinic (built-in and its own), retired ones excluded. */
    public List<Exercise> visibleTo(String clinicId) {
        return mongo.find(new Query(visibility(clinicId)), Exercise.class, COLLECTION);
    }

    public Optional<Exercise> find(String id) {
        return Optional.ofNullable(mongo.findById(id, Exercise.class, COLLECTION));
    }

    public Page<Exercise> find(ExerciseFilter filter, String clinicId, Pageable pageable) {
        List<Criteria> all = new ArrayList<>();
        all.add(visibility(clinicId));
        filter.stage().ifPresent(v -> all.add(where("stage").is(v)));
        filter.kind().ifPresent(v -> all.add(where("kind").is(v)));
        filter.region().ifPresent(v -> all.add(where("regions").is(v)));
        filter.equipment().ifPresent(v -> all.add(where("equipment").is(v)));
        filter.timeOfDay().ifPresent(v -> all.add(where("timeOfDay").is(v)));
        filter.text().ifPresent(text -> {
            Pattern pattern = Pattern.compile(Pattern.quote(text), Pattern.CASE_INSENSITIVE);
            all.add(new Criteria().orOperator(where("name").regex(pattern), where("summary").regex(pattern),
                    where("steps").regex(pattern), where("cues").regex(pattern)));
        });
        Query query = new Query(new Criteria().andOperator(all));
        long total = mongo.count(query, Exercise.class, COLLECTION);
        List<Exercise> page = mongo.find(Query.of(query).with(pageable), Exercise.class, COLLECTION);
        return new PageImpl<>(page, pageable, total);
    }

    /** Built-in entries and, with a clinic, that clinic's own; never retired ones. */
    private static Criteria visibility(String clinicId) {
        Criteria owner = clinicId == null ? where("clinicId").is(null)
                : new Criteria().orOperator(where("clinicId").is(null), where("clinicId").is(clinicId));
        return new Criteria().andOperator(owner, where("retired").ne(true));
    }
}
