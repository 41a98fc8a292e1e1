package org.backtrack.progress.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/**
 * Patients by clinic and progress status ({@value #PATIENTS}) and alerts by type and status ({@value #ALERTS}),
 * counted by two aggregations on the stored read models every {@code backtrack.metrics.refresh} (1 min): a scrape
 * reads the last counts and costs no query, and ingestion pays nothing per event.
 */
@Component
class DomainGauges {

    static final String PATIENTS = "backtrack.patients";
    static final String ALERTS = "backtrack.alerts";
    private static final Logger log = LoggerFactory.getLogger(DomainGauges.class);

    private final MongoOperations mongo;
    private final MultiGauge patients;
    private final MultiGauge alerts;

    DomainGauges(MongoOperations mongo, MeterRegistry meters) {
        this.mongo = mongo;
        this.patients = MultiGauge.builder(PATIENTS).description("Patients by clinic and progress status").register(meters);
        this.alerts = MultiGauge.builder(ALERTS).description("Alerts by type and status").register(meters);
    }

    @Scheduled(initialDelayString = "${backtrack.metrics.refresh:1m}", fixedDelayString = "${backtrack.metrics.refresh:1m}")
    void refresh() {
        try {
            patients.register(rows("patient_summaries", "clinicId", "snapshot.assessment.status", "clinic", "status"), true);
            alerts.register(rows("alerts", "type", "status", "type", "status"), true);
        } catch (RuntimeException unreachable) {
            log.debug("domain gauges not refreshed: {}", unreachable.toString()); // the last counts stay
        }
    }

    private List<MultiGauge.Row<?>> rows(String collection, String first, String second, String firstTag, String secondTag) {
        // a plain $group with the key's names chosen here (Spring's group() names a nested path's key "a.b")
        var group = new Document("$group", new Document("_id", new Document("first", "$" + first).append("second", "$" + second))
                .append("count", new Document("$sum", 1)));
        List<MultiGauge.Row<?>> rows = new ArrayList<>();
        for (Document row : mongo.getCollection(collection).aggregate(List.of(group))) {
            Document key = row.get("_id", Document.class);
            Number count = row.get("count", Number.class);
            rows.add(MultiGauge.Row.of(Tags.of(firstTag, String.valueOf(key.get("first")), secondTag,
                    String.valueOf(key.get("second"))), count));
        }
        return rows;
    }
}
