package org.backtrack.progress.readmodel;

import org.backtrack.progress.assessment.PatientWindow;
import org.backtrack.progress.clinics.ClinicCalendars;
import org.backtrack.progress.clinics.ClinicSettings;
import org.backtrack.progress.publication.ProgressPublisher;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Service;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Keeps what is derived in a clinic's days in step with the clinic's time zone. The windows hold the same readings in
 * every zone (their daily bound is the contract's UTC day), so a zone change touches only what the rules conclude in
 * the clinic's days: the overview summaries and what was last published. When an administrator changes the zone,
 * {@link #recount} recomputes both for every patient of the clinic from their windows (publishing the status changes
 * the new days show); everything else that counts days (progress documents, monitoring, outcomes) is worked out at
 * read time from the raw sessions in the zone as set.
 *
 * <p>No instance caches a zone. A batch of sessions reads its clinics' zones once, assesses, writes, and reads them
 * again ({@link #afterBatch}): a zone changed meanwhile on another instance gets that batch's patients recounted
 * here, and {@link #recount} reads the zone again after writing too, so of a batch and a recount running at once, one
 * always sees the other's zone and the last writes are in the zone that stands.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class ClinicDaysRecount {

    private static final int PAGE = 200;
    private static final int MAX_ROUNDS = 5;

    private final ClinicSettings settings;
    private final PatientWindows windows;
    private final PatientSummaries summaries;
    private final ProgressPublisher publisher;

    /**
     * Recomputes the summaries and publications of every patient of the clinic in its zone as stored now.
     *
     * @return the number of patients recounted (in the last round)
     */
    public int recount(String clinicId) {
        Map<String, Long> applied = Map.of();
        ClinicCalendars appliedIn = null;
        int patients = 0;
        for (int round = 0; round < MAX_ROUNDS; round++) {
            // the zone and the windows are read again after each round's writes: a zone changed meanwhile recounts
            // everyone, a window a consumer changed meanwhile (a new version) recounts that patient (the consumer's own
            // summary may have been written before this round's); windows are read a page at a time, so memory stays
            // bounded by the page whatever the clinic's size
            ClinicCalendars calendars = settings.calendarsOf(List.of(clinicId));
            boolean sameZone = calendars.equals(appliedIn);
            Map<String, Long> seen = new HashMap<>();
            int recounted = 0;
            String after = null;
            List<StoredWindow> page;
            do {
                page = windows.pageOfClinic(clinicId, after, PAGE);
                List<PatientWindow> todo = new ArrayList<>();
                for (StoredWindow stored : page) {
                    seen.put(stored.key(), stored.version());
                    if (!sameZone || !Long.valueOf(stored.version()).equals(applied.get(stored.key()))) {
                        todo.add(stored.window());
                    }
                }
                apply(todo, calendars);
                recounted += todo.size();
                after = page.isEmpty() ? null : page.get(page.size() - 1).key();
            } while (page.size() == PAGE);
            patients = seen.size();
            if (recounted == 0) {
                return patients;
            }
            applied = seen;
            appliedIn = calendars;
        }
        return patients;
    }

    /**
     * After a batch assessed {@code steps} in {@code used}: if a clinic's zone changed meanwhile, the clinic is
     * recounted in the zone that stands (the batch's writes may have come after the recount of the instance that
     * changed it). One query by key when nothing changed.
     */
    public void afterBatch(List<PatientWindow> steps, ClinicCalendars used) {
        Set<String> clinics = steps.stream().map(PatientWindow::clinicId).collect(Collectors.toSet());
        ClinicCalendars now = settings.calendarsOf(clinics);
        Set<String> changed = clinics.stream().filter(c -> !now.of(c).equals(used.of(c))).collect(Collectors.toSet());
        changed.forEach(this::recount); // rare: only when an administrator changed the zone during this batch
    }

    private void apply(List<PatientWindow> page, ClinicCalendars calendars) {
        if (page.isEmpty()) {
            return;
        }
        ProgressPublisher.Evaluations assessed = publisher.publishIfChanged(page, calendars);
        summaries.storeLatest(page, assessed.latest(), calendars);
    }
}
