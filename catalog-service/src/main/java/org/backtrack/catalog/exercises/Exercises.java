package org.backtrack.catalog.exercises;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
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

    /** Writes a built-in entry unless the stored one is from the same or a newer content version. */
    boolean upsertBuiltIn(Exercise exercise) {
        Exercise stored = mongo.findById(exercise.id(), Exercise.class);
        if (stored != null && (!stored.builtIn() || stored.contentVersion() >= exercise.contentVersion())) {
            return false;
        }
        mongo.save(exercise);
        return true;
    }

    public Optional<Exercise> find(String id) {
        return Optional.ofNullable(mongo.findById(id, Exercise.class));
    }

    public Page<Exercise> find(ExerciseFilter filter, Pageable pageable) {
        List<Criteria> all = new ArrayList<>();
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
        Query query = all.isEmpty() ? new Query() : new Query(new Criteria().andOperator(all));
        long total = mongo.count(query, Exercise.class);
        List<Exercise> page = mongo.find(Query.of(query).with(pageable), Exercise.class);
        return new PageImpl<>(page, pageable, total);
    }
}
