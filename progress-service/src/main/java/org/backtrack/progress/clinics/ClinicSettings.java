package org.backtrack.progress.clinics;

import org.backtrack.progress.assessment.CalendarDays;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/** The clinics' settings, one document per clinic in {@code clinic_settings}, keyed by the clinic id. */
@Repository
public class ClinicSettings {

    /** The time zone of a clinic that never set one. */
    public static final String DEFAULT_TIME_ZONE = "UTC";

    /** A clinic's settings as stored and answered. */
    @Document("clinic_settings")
    public record Settings(@Id String clinicId, String timeZone, Instant updatedAt, String updatedBy) {
    }

    private final MongoOperations mongo;
    private final Clock clock = Clock.systemUTC();

    ClinicSettings(MongoOperations mongo) {
        this.mongo = mongo;
    }

    /** The clinic's settings, the defaults when it never set any. */
    public Settings of(String clinicId) {
        return Optional.ofNullable(mongo.findById(clinicId, Settings.class))
                .orElseGet(() -> new Settings(clinicId, DEFAULT_TIME_ZONE, null, null));
    }

    /** The calendar days of the clinic: its time zone, UTC by default. */
    public CalendarDays calendarOf(String clinicId) {
        return CalendarDays.of(of(clinicId).timeZone());
    }

    /**
     * The calendar days of these clinics, in one query by key: what a batch of sessions reads once, rather than once
     * per event. Read fresh every time (no cache): another instance may have changed a zone a moment ago.
     */
    public ClinicCalendars calendarsOf(Collection<String> clinicIds) {
        Map<String, CalendarDays> found = new HashMap<>();
        if (!clinicIds.isEmpty()) {
            mongo.find(query(where("_id").in(Set.copyOf(clinicIds))), Settings.class)
                    .forEach(s -> found.put(s.clinicId(), CalendarDays.of(s.timeZone())));
        }
        return new ClinicCalendars(found);
    }

    /** The calendar days of every clinic that set a zone (one document per clinic: a small collection), for rebuilds and checks. */
    public ClinicCalendars allCalendars() {
        Map<String, CalendarDays> found = new HashMap<>();
        mongo.findAll(Settings.class).forEach(s -> found.put(s.clinicId(), CalendarDays.of(s.timeZone())));
        return new ClinicCalendars(found);
    }

    /** Sets the clinic's time zone (one idempotent upsert of its document). */
    public Settings setTimeZone(String clinicId, ZoneId zone, String by) {
        mongo.upsert(query(where("_id").is(clinicId)), new Update().set("timeZone", zone.getId())
                .set("updatedAt", clock.instant()).set("updatedBy", by), Settings.class);
        return of(clinicId);
    }
}
