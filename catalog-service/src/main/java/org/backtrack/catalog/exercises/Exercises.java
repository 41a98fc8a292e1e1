package org.backtrack.catalog.exercises;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.core.FindAndReplaceOptions;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/** The exercise collection. Built-in entries are keyed by their slug. */
@Repository
public class Exercises {

    private final MongoOperations mongo;

    Exercises(MongoOperations mongo) {
        this.mongo = mongo;
    }

    /**
     * Writes a built-in entry unless the stored one is from the same or a newer content version.
     *
     * @return the entry as written, or empty when nothing changed
     */
    Optional<Exercise> upsertBuiltIn(Exercise exercise) {
        Exercise stored = mongo.findById(exercise.id(), Exercise.class);
        if (stored != null && (!stored.builtIn() || stored.contentVersion() >= exercise.contentVersion())) {
            return Optional.empty();
        }
        return Optional.of(mongo.save(exercise.asVersion(stored == null ? 1 : stored.version() + 1)));
    }

    /** @throws org.springframework.dao.DuplicateKeyException when the id is taken */
    Exercise insert(Exercise exercise) {
        return mongo.insert(exercise);
    }

    /** Replaces the stored exercise if it is still at {@code expectedVersion}; empty when it moved on. */
    Optional<Exercise> replace(Exercise next, long expectedVersion) {
        var guard = Query.query(where("_id").is(next.id()).and("version").is(expectedVersion));
        return Optional.ofNullable(mongo.findAndReplace(guard, next, FindAndReplaceOptions.options().returnNew(), Exercise.class, Exercise.class));
    }

    /** Exercises whose last change has not been announced yet. */
    List<Exercise> withPendingEvents() {
        return mongo.find(Query.query(where("eventPending").is(true)), Exercise.class);
    }

    /** Clears the pending flag of the version that was announced (a newer version keeps its own). */
    void markAnnounced(Exercise exercise) {
        mongo.updateFirst(Query.query(where("_id").is(exercise.id()).and("version").is(exercise.version())),
                new org.springframework.data.mongodb.core.query.Update().set("eventPending", false), Exercise.class);
    }

    /** Every exercise visible to a clinic (built-in and its own), retired ones excluded. */
    public List<Exercise> visibleTo(String clinicId) {
        return mongo.find(new Query(visibility(clinicId)), Exercise.class);
    }

    public Optional<Exercise> find(String id) {
        return Optional.ofNullable(mongo.findById(id, Exercise.class));
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
        long total = mongo.count(query, Exercise.class);
        List<Exercise> page = mongo.find(Query.of(query).with(pageable), Exercise.class);
        return new PageImpl<>(page, pageable, total);
    }

    /** Built-in entries and, with a clinic, that clinic's own; never retired ones. */
    private static Criteria visibility(String clinicId) {
        Criteria owner = clinicId == null ? where("clinicId").is(null)
                : new Criteria().orOperator(where("clinicId").is(null), where("clinicId").is(clinicId));
        return new Criteria().andOperator(owner, where("retired").ne(true));
    }
}
