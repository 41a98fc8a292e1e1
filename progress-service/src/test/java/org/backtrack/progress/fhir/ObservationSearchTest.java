package org.backtrack.progress.fhir;

import org.backtrack.events.SessionCompleted.SymptomFlags;
import org.backtrack.paging.Paging;
import org.backtrack.progress.fhir.rules.DateRange;
import org.backtrack.progress.sessions.RecordedSession;
import org.backtrack.progress.sessions.RecordedSessions;
import org.hl7.fhir.r4.model.Observation;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.nullable;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/** Paging and date filters of the Observation search over a store that answers like {@link RecordedSessions#slice}. */
class ObservationSearchTest {

    final RecordedSessions store = mock(RecordedSessions.class);
    final ObservationSearch search = new ObservationSearch(store);
    final List<RecordedSession> stored = new ArrayList<>();

    @BeforeEach
    void store() {
        // two sessions at the same instant (ordered by id), flags on some: 2 or 3 Observations each
        stored.add(Sessions.session("s-a", "2026-11-01T07:00:00Z", 6, 5, null));
        stored.add(Sessions.session("s-b", "2026-11-02T07:00:00Z", 6, 4, new SymptomFlags(false, true, false, false)));
        stored.add(Sessions.session("s-c", "2026-11-02T07:00:00Z", 5, 4, SymptomFlags.NONE));
        stored.add(Sessions.session("s-d", "2026-11-15T19:00:00Z", 4, 3, null));
        stored.add(Sessions.session("s-e", "2026-12-01T00:00:00Z", 3, 2, new SymptomFlags(true, true, true, true)));
        when(store.slice(eq(Sessions.CLINIC), eq(Sessions.PATIENT), any(), nullable(String.class), any(), anyInt()))
                .thenAnswer(call -> {
                    Instant from = call.getArgument(2);
                    String fromSession = call.getArgument(3);
                    Instant until = call.getArgument(4);
                    return Optional.of(stored.stream().filter(s -> !s.completedAt().isBefore(from) && s.completedAt().isBefore(until)
                            && (fromSession == null || !s.completedAt().equals(from) || s.sessionId().compareTo(fromSession) >= 0)).toList());
                });
        when(store.slice(eq(Sessions.CLINIC), eq("nobody"), any(), nullable(String.class), any(), anyInt())).thenReturn(Optional.empty());
        when(store.slice(eq("clinic-other"), anyString(), any(), nullable(String.class), any(), anyInt())).thenReturn(Optional.empty());
    }

    List<String> all(DateRange range, int count) {
        List<String> ids = new ArrayList<>();
        Optional<ObservationSearch.Position> after = Optional.empty();
        for (int pages = 0; pages < 100; pages++) {
            ObservationSearch.Page page = search.search(Sessions.CLINIC, Sessions.PATIENT, range, after, count).orElseThrow();
            assertThat(page.observations().size()).isLessThanOrEqualTo(count);
            page.observations().forEach(o -> ids.add(o.getIdPart()));
            if (page.next().isEmpty()) {
                return ids;
            }
            assertThat(page.observations()).hasSize(count); // only a full page announces a next one
            // the cursor travels as text and comes back
            after = Paging.Cursor.decode(ObservationSearch.CURSOR, page.next().get().encode(), 3).map(ObservationSearch.Position::of);
        }
        throw new AssertionError("paging did not end");
    }

    static final List<String> EVERYTHING = List.of("s-a-pain-before", "s-a-pain-after",
            "s-b-pain-before", "s-b-pain-after", "s-b-red-flags",
            "s-c-pain-before", "s-c-pain-after", "s-c-red-flags",
            "s-d-pain-before", "s-d-pain-after",
            "s-e-pain-before", "s-e-pain-after", "s-e-red-flags");

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 5, 12, 13, 14, 50, 200})
    void everyPageSizeWalksTheWholeListOnceInOrder(int count) {
        assertThat(all(DateRange.ALL, count)).containsExactlyElementsOf(EVERYTHING);
    }

    @Test
    void exactlyAFullLastPageHasNoNextLink() {
        ObservationSearch.Page page = search.search(Sessions.CLINIC, Sessions.PATIENT, DateRange.ALL, Optional.empty(), 13).orElseThrow();
        assertThat(page.observations()).hasSize(13);
        assertThat(page.next()).isEmpty();
        ObservationSearch.Page shorter = search.search(Sessions.CLINIC, Sessions.PATIENT, DateRange.ALL, Optional.empty(), 12).orElseThrow();
        assertThat(shorter.next()).isPresent();
    }

    @Test
    void dateFiltersOnCompletedAt() {
        assertThat(all(DateRange.of(List.of("ge2026-11-02")), 4)).containsExactlyElementsOf(EVERYTHING.subList(2, 13));
        assertThat(all(DateRange.of(List.of("ge2026-11-02", "lt2026-12-01")), 4)).containsExactlyElementsOf(EVERYTHING.subList(2, 10));
        assertThat(all(DateRange.of(List.of("gt2026-11-02")), 4)).containsExactlyElementsOf(EVERYTHING.subList(8, 13));
        assertThat(all(DateRange.of(List.of("le2026-11-02")), 50)).containsExactlyElementsOf(EVERYTHING.subList(0, 8));
        assertThat(all(DateRange.of(List.of("2026-11-15")), 50)).containsExactly("s-d-pain-before", "s-d-pain-after");
        assertThat(all(DateRange.of(List.of("ge2027-01-01")), 50)).isEmpty();
    }

    @Test
    void aSessionArrivingBetweenTwoPagesNeitherRepeatsNorHidesOne() {
        ObservationSearch.Page first = search.search(Sessions.CLINIC, Sessions.PATIENT, DateRange.ALL, Optional.empty(), 4).orElseThrow();
        stored.add(0, Sessions.session("s-0", "2026-10-01T07:00:00Z")); // late: before the page already read
        stored.add(Sessions.session("s-f", "2026-12-02T07:00:00Z"));
        List<String> rest = new ArrayList<>();
        Optional<ObservationSearch.Position> after = first.next().map(ObservationSearch.Position::of);
        while (after.isPresent()) {
            ObservationSearch.Page page = search.search(Sessions.CLINIC, Sessions.PATIENT, DateRange.ALL, after, 4).orElseThrow();
            page.observations().stream().map(Observation::getIdPart).forEach(rest::add);
            after = page.next().map(ObservationSearch.Position::of);
        }
        List<String> expected = new ArrayList<>(EVERYTHING.subList(4, 13));
        expected.addAll(List.of("s-f-pain-before", "s-f-pain-after"));
        assertThat(rest).containsExactlyElementsOf(expected);
    }

    @Test
    void aPatientWithoutSessionsInTheCallersClinicIsNotFound() {
        assertThat(search.search(Sessions.CLINIC, "nobody", DateRange.ALL, Optional.empty(), 50)).isEmpty();
        assertThat(search.search("clinic-other", Sessions.PATIENT, DateRange.ALL, Optional.empty(), 50)).isEmpty();
    }
}
