package org.backtrack.progress.alerts;

import org.backtrack.events.AlertType;
import org.backtrack.progress.alerts.rules.OpenAlerts;
import org.backtrack.progress.alerts.rules.OpenEpisode;
import org.backtrack.security.ClinicKeys;
import lombok.RequiredArgsConstructor;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * Each patient's tracked alerts that have not resolved ({@link OpenAlerts}), under {@code clinicId/patientId}: an
 * index of {@code alerts} that the consumer reads by key for a whole batch in one query (the embedded MongoDB-wire
 * server keeps no secondary index, so a query on the alerts' fields would scan them all). It is written after the
 * alerts it names (a raise is stored before it is listed here, a resolution before it is removed), one type per
 * write, so the consumer (signs, status) and the sweep (absences) never overwrite each other's entries; entries whose
 * alert resolved meanwhile are dropped when read.
 */
@Repository
@RequiredArgsConstructor
class AlertEpisodes {

    @Document("alert_episodes")
    record StoredEpisodes(@Id String key, String clinicId, String patientId, Map<String, Entry> open) {
    }

    record Entry(String alertId, String episode, Instant since, Integer level) {
    }

    private final MongoOperations mongo;
    private final Alerts alerts;

    /** What is stored for these patients (by {@code clinicId/patientId}), as written. */
    Map<String, OpenAlerts> stored(Collection<String> patientKeys) {
        Map<String, OpenAlerts> stored = new HashMap<>();
        if (patientKeys.isEmpty()) {
            return stored;
        }
        for (StoredEpisodes doc : mongo.find(query(where("_id").in(patientKeys)), StoredEpisodes.class)) {
            List<OpenEpisode> episodes = new ArrayList<>();
            if (doc.open() != null) {
                doc.open().forEach((type, e) -> episodes.add(new OpenEpisode(AlertType.valueOf(type), e.alertId(), e.episode(),
                        e.since(), e.level())));
            }
            stored.put(doc.key(), OpenAlerts.of(episodes));
        }
        return stored;
    }

    /**
     * The open alerts the rules should see: what is stored, without entries whose alert has resolved (a write that
     * resolved one may have stopped before it removed the entry).
     */
    Map<String, OpenAlerts> current(Map<String, OpenAlerts> stored) {
        Map<String, String> clinicOf = new HashMap<>();
        List<String> alertKeys = new ArrayList<>();
        stored.forEach((patientKey, open) -> open.all().forEach(e -> {
            String clinicId = patientKey.substring(0, patientKey.indexOf(ClinicKeys.SEPARATOR));
            alertKeys.add(StoredAlert.keyOf(clinicId, e.alertId()));
            clinicOf.put(patientKey, clinicId);
        }));
        if (alertKeys.isEmpty()) {
            return stored;
        }
        Set<String> unresolved = new HashSet<>();
        alerts.byKeys(alertKeys).stream().filter(a -> a.resolution() == null).forEach(a -> unresolved.add(a.key()));
        Map<String, OpenAlerts> current = new HashMap<>();
        stored.forEach((patientKey, open) -> current.put(patientKey, OpenAlerts.of(open.all().stream()
                .filter(e -> unresolved.contains(StoredAlert.keyOf(clinicOf.get(patientKey), e.alertId()))).toList())));
        return current;
    }

    /** Writes what changed between {@code before} (as stored) and {@code after}, one type at a time. */
    void record(String clinicId, String patientId, OpenAlerts before, OpenAlerts after) {
        if (before.equals(after)) {
            return;
        }
        String key = ClinicKeys.of(clinicId, patientId);
        for (AlertType type : AlertType.values()) {
            var was = before.get(type);
            var now = after.get(type);
            if (now.isPresent() && !now.equals(was)) {
                OpenEpisode e = now.get();
                Update set = new Update().set("open." + type.name(), new Entry(e.alertId(), e.episode(), e.since(), e.level()))
                        .setOnInsert("clinicId", clinicId).setOnInsert("patientId", patientId);
                upsert(key, set);
            } else if (now.isEmpty() && was.isPresent()) {
                mongo.updateFirst(query(where("_id").is(key).and("open." + type.name() + ".alertId").is(was.get().alertId())),
                        new Update().unset("open." + type.name()), StoredEpisodes.class);
            }
        }
    }

    private void upsert(String key, Update update) {
        try {
            mongo.upsert(query(where("_id").is(key)), update, StoredEpisodes.class);
        } catch (DuplicateKeyException raced) {
            mongo.upsert(query(where("_id").is(key)), update, StoredEpisodes.class); // two first writes: the document exists now
        }
    }
}
