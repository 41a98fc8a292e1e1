package org.backtrack.progress.outcomes.rules;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import org.backtrack.progress.assessment.CalendarDays;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.backtrack.progress.outcomes.rules.Entries.daily;
import static org.backtrack.progress.outcomes.rules.Entries.entry;
import static org.backtrack.progress.outcomes.rules.Entries.flat;

class ClinicOutcomesTest {

    private static ClinicOutcomes.Result outcomes(List<PainEntry> entries) {
        return ClinicOutcomes.of(entries, 7, CalendarDays.UTC);
    }

    private static ClinicOutcomes.FollowUpOutcome four(ClinicOutcomes.Result r) {
        return r.followUps().get(0);
    }

    private static ClinicOutcomes.FollowUpOutcome eight(ClinicOutcomes.Result r) {
        return r.followUps().get(1);
    }

    @Test
    void noSessionsNoFigures() {
        ClinicOutcomes.Result r = outcomes(List.of());
        assertThat(r.patientsWithData()).isZero();
        assertThat(r.followUps()).extracting(ClinicOutcomes.FollowUpOutcome::weeks).containsExactly(4, 8);
        assertThat(four(r)).isEqualTo(new ClinicOutcomes.FollowUpOutcome(4, 28, 0, 0, 0, null, null, null, null));
    }

    @Test
    void aClinicOfKnownPatients() {
        List<PainEntry> entries = new ArrayList<>();
        entries.addAll(flat("responder", 60, 6));       // replaced below: 6 in week 1, then 3
        entries.removeIf(e -> e.patientId().equals("responder"));
        for (int day = 0; day <= 60; day++) {
            entries.add(entry("responder", day, day < 7 ? 6 : 3));
        }
        entries.addAll(flat("steady", 60, 5));          // no change
        entries.addAll(flat("short", 20, 8));           // 20 days: not eligible
        entries.addAll(flat("fourOnly", 30, 4));        // 30 days: four weeks only
        ClinicOutcomes.Result r = outcomes(entries);

        assertThat(r.patientsWithData()).isEqualTo(4);
        ClinicOutcomes.FollowUpOutcome four = four(r);
        assertThat(four.eligible()).isEqualTo(3);
        assertThat(four.measured()).isEqualTo(3);
        assertThat(four.responders()).isEqualTo(1);
        assertThat(four.responderShare()).isEqualTo(1.0 / 3);
        assertThat(four.medianChangePoints()).isEqualTo(0.0);   // -3, 0, 0
        assertThat(four.medianChangePercent()).isEqualTo(0.0);  // -50, 0, 0
        assertThat(four.medianAdherence()).isEqualTo(1.0);

        ClinicOutcomes.FollowUpOutcome eight = eight(r);
        assertThat(eight.eligible()).isEqualTo(2);
        assertThat(eight.responders()).isEqualTo(1);
        assertThat(eight.responderShare()).isEqualTo(0.5);
        assertThat(eight.medianChangePoints()).isEqualTo(-1.5); // mean of -3 and 0
        assertThat(eight.medianChangePercent()).isEqualTo(-25.0);
    }

    @Test
    void anEligiblePatientWithoutTheLastWeekCountsButIsNotMeasured() {
        List<PainEntry> entries = new ArrayList<>(flat("gap", 10, 6));
        entries.add(entry("gap", 40, 1));
        ClinicOutcomes.FollowUpOutcome four = four(outcomes(entries));
        assertThat(four.eligible()).isEqualTo(1);
        assertThat(four.measured()).isZero();
        assertThat(four.responderShare()).isNull();
        assertThat(four.medianChangePoints()).isNull();
        assertThat(four.medianAdherence()).isNotNull();
    }

    @Test
    void aZeroBaselineIsLeftOutOfThePercentOnly() {
        List<PainEntry> entries = new ArrayList<>(flat("zero", 30, 0));
        entries.addAll(daily("falling", 30, 8, 2));
        ClinicOutcomes.FollowUpOutcome four = four(outcomes(entries));
        assertThat(four.measured()).isEqualTo(2);
        assertThat(four.medianChangePercent()).isNotNull().isNegative();
        // percent over "falling" only: the one value
        assertThat(four.medianChangePercent()).isLessThan(-30.0);
    }

    @Test
    void theOrderOfSessionsDoesNotMatter() {
        List<PainEntry> entries = new ArrayList<>(daily("a", 60, 8, 2));
        entries.addAll(daily("b", 40, 5, 5));
        entries.addAll(daily("c", 70, 3, 6));
        ClinicOutcomes.Result sorted = outcomes(entries);
        Collections.shuffle(entries, new java.util.Random(7));
        assertThat(outcomes(entries)).isEqualTo(sorted);
    }

    @Test
    void theMedianOfAnOddCountIsTheMiddleValue() {
        assertThat(ClinicOutcomes.median(List.of(5.0, 1.0, 3.0))).isEqualTo(3.0);
    }

    @Test
    void theMedianOfAnEvenCountIsTheMeanOfTheTwoMiddleValues() {
        assertThat(ClinicOutcomes.median(List.of(4.0, 1.0, 3.0, 10.0))).isEqualTo(3.5);
        assertThat(ClinicOutcomes.median(List.of(-2.0, 0.0))).isEqualTo(-1.0);
    }

    @Test
    void theMedianOfNothingIsNull() {
        assertThat(ClinicOutcomes.median(List.of())).isNull();
    }

    @Test
    void theMedianOfOneIsIt() {
        assertThat(ClinicOutcomes.median(List.of(-0.25))).isEqualTo(-0.25);
    }

    @Property
    void medianIsBetweenMinAndMax(@ForAll @Size(min = 1, max = 50) List<Double> values) {
        List<Double> finite = values.stream().filter(v -> Double.isFinite(v) && Math.abs(v) < 1e12).toList();
        if (finite.isEmpty()) {
            return;
        }
        assertThat(ClinicOutcomes.median(finite)).isBetween(Collections.min(finite), Collections.max(finite));
    }

    @Provide
    Arbitrary<List<PainEntry>> clinics() {
        Arbitrary<PainEntry> entry = Combinators.combine(
                Arbitraries.of("p1", "p2", "p3", "p4", "p5", "p6"),
                Arbitraries.integers().between(0, 80),
                Arbitraries.integers().between(0, 10)).as(Entries::entry);
        return entry.list().ofMaxSize(200);
    }

    @Property(tries = 200)
    void sharesAndCountsHold(@ForAll("clinics") List<PainEntry> entries) {
        ClinicOutcomes.Result r = outcomes(entries);
        assertThat(r.patientsWithData()).isEqualTo((int) entries.stream().map(PainEntry::patientId).distinct().count());
        for (ClinicOutcomes.FollowUpOutcome f : r.followUps()) {
            assertThat(f.responders()).isBetween(0, f.measured());
            assertThat(f.measured()).isBetween(0, f.eligible());
            assertThat(f.eligible()).isBetween(0, r.patientsWithData());
            if (f.responderShare() != null) {
                assertThat(f.responderShare()).isBetween(0.0, 1.0);
            }
            if (f.medianAdherence() != null) {
                assertThat(f.medianAdherence()).isBetween(0.0, 1.0);
            }
            if (f.medianChangePoints() != null) {
                assertThat(f.medianChangePoints()).isBetween(-10.0, 10.0);
            }
            assertThat(f.medianChangePoints() == null).isEqualTo(f.measured() == 0);
        }
        assertThat(eight(r).eligible()).isLessThanOrEqualTo(four(r).eligible());
    }

    @Property(tries = 200)
    void noPatientIsEligibleAtEightWeeksAndNotAtFour(@ForAll("clinics") List<PainEntry> entries) {
        // patient by patient: a clinic of one patient each
        entries.stream().map(PainEntry::patientId).distinct().forEach(p -> {
            ClinicOutcomes.Result r = outcomes(entries.stream().filter(e -> e.patientId().equals(p)).toList());
            if (eight(r).eligible() == 1) {
                assertThat(four(r).eligible()).isEqualTo(1);
            }
        });
    }
}
