package org.backtrack.progress.readmodel;

import org.backtrack.progress.assessment.Assessment;
import org.backtrack.progress.assessment.AttentionOrder;
import org.backtrack.progress.assessment.CalendarDays;
import org.backtrack.progress.assessment.Disengagement;
import org.backtrack.progress.assessment.PatientSnapshot;
import org.backtrack.progress.assessment.PatientWindow;
import org.backtrack.progress.assessment.ProgressAssessor;
import org.backtrack.events.ProgressStatus;
import org.backtrack.progress.catalog.CatalogSnapshot;
import org.backtrack.progress.clinics.ClinicCalendars;
import org.backtrack.security.ClinicKeys;
import org.backtrack.security.ClinicScope;
import org.backtrack.paging.Paging;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.FindAndReplaceOptions;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * The per-patient summaries the clinic overview reads instead of assessing every patient on every call. The consumer
 * stores a patient's summary whenever it updates their window (from the assessment it already made to decide what
 * to publish); the rebuild recomputes them all, and the read-model check compares them with a recomputation.
 */
@Repository
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class PatientSummaries {

    /** The overview's order as three queryable groups; see {@link #overviewPage}. */
    static final int SEGMENTS = 3;
    private static final int WRITE_CHUNK = 500;

    private final MongoOperations mongo;
    private final CatalogSnapshot catalog;
    private final ProgressAssessor assessor;

    /**
     * What a window's summary holds: the assessment as of its latest session, as the publisher makes it, days counted
     * by {@code calendar} (the clinic's time zone).
     */
    public PatientSnapshot snapshotOf(PatientWindow window, CalendarDays calendar) {
        return PatientSnapshot.of(window, assessor.assess(window, catalog.current(), window.latestAt(), calendar), calendar);
    }

    /**
     * Stores the summary of each patient's last window among {@code steps}, in one bulk write. Idempotent: a summary
     * is a function of the window (and the catalog), so a redelivered batch writes the same documents again.
     *
     * @param assessed assessments already made of those last windows, by patient key ({@code clinicId/patientId});
     *                 a window without one is assessed here
     * @param calendars the days of each clinic the assessments were made in
     */
    public void storeLatest(List<PatientWindow> steps, Map<String, Assessment> assessed, ClinicCalendars calendars) {
        Map<String, PatientWindow> latest = new LinkedHashMap<>();
        steps.forEach(w -> latest.put(ClinicKeys.of(w.clinicId(), w.patientId()), w));
        if (latest.isEmpty()) {
            return;
        }
        BulkOperations writes = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, StoredSummary.class);
        latest.forEach((key, window) -> {
            Assessment assessment = assessed.get(key);
            CalendarDays calendar = calendars.of(window.clinicId());
            PatientSnapshot snapshot = assessment == null || !window.latestAt().equals(assessment.asOf())
                    ? snapshotOf(window, calendar) : PatientSnapshot.of(window, assessment, calendar);
            writes.replaceOne(query(where("_id").is(key)), StoredSummary.of(snapshot), FindAndReplaceOptions.options().upsert());
        });
        writes.execute();
    }

    /** Replaces every summary with those of {@code windows} (the rebuild), in each clinic's days. */
    public void replaceAll(Collection<PatientWindow> windows, ClinicCalendars calendars) {
        mongo.dropCollection(StoredSummary.class);
        List<StoredSummary> chunk = new ArrayList<>(WRITE_CHUNK);
        for (PatientWindow window : windows) {
            chunk.add(StoredSummary.of(snapshotOf(window, calendars.of(window.clinicId()))));
            if (chunk.size() == WRITE_CHUNK) {
                mongo.insertAll(chunk);
                chunk.clear();
            }
        }
        if (!chunk.isEmpty()) {
            mongo.insertAll(chunk);
        }
    }

    /** A patient's last session, as the summary holds it (for the disengagement sweep). */
    public record LastSession(String key, String clinicId, String patientId, Instant lastSessionAt) {
    }

    /**
     * Patients whose last session lies between {@code from} and {@code to} (both inclusive), by key after
     * {@code afterKey} (null: from the first), at most {@code limit}: a page of the sweep, reading four fields only.
     */
    public List<LastSession> lastSessionsBetween(Instant from, Instant to, String afterKey, int limit) {
        var between = where("lastSessionAt").gte(from).lte(to);
        if (afterKey != null) {
            between = between.and("_id").gt(afterKey);
        }
        var page = query(between).with(Sort.by("_id")).limit(limit);
        page.fields().include("_id", "clinicId", "patientId", "lastSessionAt");
        return mongo.find(page, org.bson.Document.class, mongo.getCollectionName(StoredSummary.class)).stream()
                .map(d -> new LastSession(d.getString("_id"), d.getString("clinicId"), d.getString("patientId"),
                        d.getDate("lastSessionAt").toInstant()))
                .toList();
    }

    /** The last session time of each of these patients that has a summary, by key. */
    public Map<String, Instant> lastSessionAt(Collection<String> keys) {
        Map<String, Instant> last = new HashMap<>();
        if (keys.isEmpty()) {
            return last;
        }
        var byKey = query(where("_id").in(keys));
        byKey.fields().include("_id", "lastSessionAt");
        mongo.find(byKey, org.bson.Document.class, mongo.getCollectionName(StoredSummary.class))
                .forEach(d -> last.put(d.getString("_id"), d.getDate("lastSessionAt").toInstant()));
        return last;
    }

    /** Every stored summary by patient key, for the read-model check. */
    public Map<String, PatientSnapshot> all() {
        Map<String, PatientSnapshot> all = new HashMap<>();
        mongo.findAll(StoredSummary.class).forEach(s -> all.put(s.key(), s.snapshot()));
        return all;
    }

    public Optional<PatientSnapshot> find(String clinicId, String patientId) {
        return Optional.ofNullable(mongo.findById(ClinicKeys.of(clinicId, patientId), StoredSummary.class))
                .filter(s -> s.clinicId().equals(clinicId))
                .map(StoredSummary::snapshot);
    }

    /**
     * One page of a clinic's summaries in the overview's order as of {@code asOf}: first the patients whose status
     * needs attention (red flag, worsening, plateau), then the other patients who are disengaged at {@code asOf},
     * then the rest; within each group by status rank ({@link AttentionOrder}), then patient id. Each group is one
     * query on stored fields (status rank, last session time, patient id), so a page reads at most {@code size + 1}
     * summaries per group. The cursor keeps {@code asOf}, so every page of one listing cuts the groups at the same
     * time and the pages neither repeat nor skip a patient whose summary did not change meanwhile.
     */
    public Paging.Page<PatientSnapshot> overviewPage(String clinicId, Optional<ProgressStatus> status, Instant asOf,
                                                     Optional<Paging.Cursor> after, int size) {
        int segment = after.map(c -> c.integer(Paging.CURSOR, 1, 0, SEGMENTS - 1)).orElse(0);
        Optional<Criteria> keyset = after.map(c -> {
            int rank = c.integer(Paging.CURSOR, 2, 0, AttentionOrder.STATUSES.size() - 1);
            String patientId = c.identifier(Paging.CURSOR, 3);
            return new Criteria().orOperator(where("statusRank").gt(rank), where("statusRank").is(rank).and("patientId").gt(patientId));
        });
        Instant disengagedUpTo = asOf.minus(Disengagement.DISENGAGED);
        record Found(StoredSummary summary, int segment) {
        }
        List<Found> fetched = new ArrayList<>();
        for (int s = segment; s < SEGMENTS && fetched.size() <= size; s++) {
            List<Criteria> conditions = new ArrayList<>();
            conditions.add(s == 0 ? where("statusRank").lt(AttentionOrder.ATTENTION_RANKS)
                    : where("statusRank").gte(AttentionOrder.ATTENTION_RANKS));
            if (s == 1) {
                conditions.add(where("lastSessionAt").lte(disengagedUpTo));
            } else if (s == 2) {
                conditions.add(where("lastSessionAt").gt(disengagedUpTo));
            }
            status.ifPresent(st -> conditions.add(where("statusRank").is(AttentionOrder.rank(st))));
            if (s == segment) {
                keyset.ifPresent(conditions::add);
            }
            int inSegment = s;
            mongo.find(query(ClinicScope.of(clinicId, conditions))
                            .with(Sort.by("statusRank", "patientId")).limit(size + 1 - fetched.size()), StoredSummary.class)
                    .forEach(found -> fetched.add(new Found(found, inSegment)));
        }
        Paging.Page<Found> page = Paging.Page.of(fetched, size, f -> Paging.Cursor.of(asOf, f.segment(),
                f.summary().statusRank(), f.summary().patientId()));
        return new Paging.Page<>(page.items().stream().map(f -> f.summary().snapshot()).toList(), page.next());
    }
}
