package org.backtrack.progress.monitoring;

import org.backtrack.outbox.Publication;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The mark that a patient reached 16 days with data in one period: inserted once under the key
 * {@code clinicId/patientId/periodStart} (a second insert, by a redelivery or another instance, fails on the key), it
 * owes the {@code backtrack.progress.monitoring-days-reached.v1} event through the outbox ({@code eventId},
 * {@code publication}, {@code claimedAt}, as {@code MongoOwedEvents} keeps them), so the event is decided exactly once.
 */
@Document("monitoring_days_reached")
record StoredDaysReached(
        @Id String key,
        String clinicId,
        String patientId,
        LocalDate periodStart,
        LocalDate periodEnd,
        int days,
        LocalDate reachedOn,
        List<String> sessionIds,
        Instant decidedAt,
        String eventId,
        @Indexed Publication publication,
        Instant claimedAt) {
}
