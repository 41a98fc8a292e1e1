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
import java.time.ZoneOffset;
import java.util.Optional;

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
        String zone = of(clinicId).timeZone();
        return new CalendarDays(zone == null ? ZoneOffset.UTC : ZoneId.of(zone));
    }

    /** Sets the clinic's time zone (one idempotent upsert of its document). */
    public Settings setTimeZone(String clinicId, ZoneId zone, String by) {
        mongo.upsert(query(where("_id").is(clinicId)), new Update().set("timeZone", zone.getId())
                .set("updatedAt", clock.instant()).set("updatedBy", by), Settings.class);
        return of(clinicId);
    }
}
