package org.backtrack.progress.fhir;

import ca.uhn.fhir.context.FhirContext;
import org.backtrack.events.SessionCompleted.SymptomFlags;
import org.backtrack.progress.sessions.RecordedSession;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Observation;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** One session as Observations, and every Observation and Bundle checked with HAPI's validator (no errors). */
class ObservationMappingTest {

    @Test
    void aSessionWithoutFlagsIsTwoPainReadingsToldApartByTheirBackTrackCoding() {
        List<Observation> observations = ObservationMapping.of(Sessions.session("s-1", "2026-11-20T07:31:00Z", 6, 4, null));

        assertThat(observations).hasSize(2);
        Observation before = observations.get(ObservationMapping.PAIN_BEFORE);
        Observation after = observations.get(ObservationMapping.PAIN_AFTER);
        assertThat(before.getIdPart()).isEqualTo("s-1-pain-before");
        assertThat(after.getIdPart()).isEqualTo("s-1-pain-after");
        for (Observation o : observations) {
            assertThat(o.getStatus()).isEqualTo(Observation.ObservationStatus.FINAL);
            assertThat(o.getCode().getCoding()).extracting(Coding::getSystem, Coding::getCode)
                    .contains(org.assertj.core.groups.Tuple.tuple("http://loinc.org", "72514-3"));
            assertThat(o.getSubject().getReference()).isEqualTo("Patient/patient-42");
            assertThat(o.getEffectiveDateTimeType().getValueAsString()).isEqualTo("2026-11-20T07:31:00Z");
            assertThat(o.getIdentifierFirstRep().getSystem()).isEqualTo(BackTrackCodes.SESSION_IDENTIFIER);
            assertThat(o.getIdentifierFirstRep().getValue()).isEqualTo("clinic-7/s-1");
            assertThat(o.getCategoryFirstRep().getCodingFirstRep().getCode()).isEqualTo("survey");
        }
        assertThat(before.getCode().getCoding()).extracting(Coding::getCode).contains("pain-before-session");
        assertThat(after.getCode().getCoding()).extracting(Coding::getCode).contains("pain-after-session");
        assertThat(((IntegerType) before.getValue()).getValue()).isEqualTo(6);
        assertThat(((IntegerType) after.getValue()).getValue()).isEqualTo(4);
        observations.forEach(o -> assertThat(FhirValidation.errors(o)).as(o.getId()).isEmpty());
    }

    @Test
    void reportedFlagsAreOneObservationWithABooleanComponentPerSymptom() {
        List<Observation> observations = ObservationMapping.of(Sessions.session("s-2", "2026-11-21T07:31:00.250Z", 8, 9,
                new SymptomFlags(true, false, true, false)));

        assertThat(observations).hasSize(3);
        Observation flags = observations.get(ObservationMapping.RED_FLAGS);
        assertThat(flags.getIdPart()).isEqualTo("s-2-red-flags");
        assertThat(flags.hasValue()).isFalse();
        assertThat(flags.getComponent()).extracting(c -> c.getCode().getCodingFirstRep().getCode(),
                        c -> ((BooleanType) c.getValue()).booleanValue())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("sharp-pain", true), org.assertj.core.groups.Tuple.tuple("radiating-pain", false),
                        org.assertj.core.groups.Tuple.tuple("numbness", true), org.assertj.core.groups.Tuple.tuple("night-pain", false));
        assertThat(flags.getEffectiveDateTimeType().getValueAsString()).isEqualTo("2026-11-21T07:31:00.250Z");
        observations.forEach(o -> assertThat(FhirValidation.errors(o)).as(o.getId()).isEmpty());
    }

    @Test
    void allFlagsClearAreStillReported() {
        Observation flags = ObservationMapping.of(Sessions.session("s-3", "2026-11-21T07:31:00Z", 0, 0, SymptomFlags.NONE)).get(2);
        assertThat(flags.getComponent()).allSatisfy(c -> assertThat(((BooleanType) c.getValue()).booleanValue()).isFalse());
        assertThat(FhirValidation.errors(flags)).isEmpty();
    }

    @Test
    void allFlagsRaised() {
        Observation flags = ObservationMapping.of(Sessions.session("s-4", "2026-11-21T07:31:00Z", 10, 10,
                new SymptomFlags(true, true, true, true))).get(2);
        assertThat(flags.getComponent()).allSatisfy(c -> assertThat(((BooleanType) c.getValue()).booleanValue()).isTrue());
        assertThat(FhirValidation.errors(flags)).isEmpty();
    }

    @Test
    void aCorrectedSessionIsMappedAsItStandsNow() {
        RecordedSession first = Sessions.session("s-5", "2026-11-21T07:31:00Z", 7, 5, null);
        RecordedSession corrected = new RecordedSession(first.key(), first.sessionId(), first.clinicId(), first.patientId(),
                java.time.Instant.parse("2026-11-22T08:00:00Z"),
                new org.backtrack.events.SessionCompleted("s-5", "clinic-7", "patient-42", null,
                        java.time.Instant.parse("2026-11-22T08:00:00Z"), null, 3, 2, null, null, null),
                "e-2", first.eventTime(), List.of("e-1", "e-2"), first.recordedAt().plusSeconds(60));
        List<Observation> observations = ObservationMapping.of(corrected);
        assertThat(observations).hasSize(2);
        assertThat(((IntegerType) observations.get(0).getValue()).getValue()).isEqualTo(3);
        assertThat(observations.get(0).getEffectiveDateTimeType().getValueAsString()).isEqualTo("2026-11-22T08:00:00Z");
        assertThat(observations.get(0).getIdPart()).isEqualTo("s-5-pain-before");
    }

    @Test
    void aSessionIdOutsideFhirsIdRuleGetsAStableHashedId() {
        String longId = "session:" + "x".repeat(100) + "@app_1";
        String id = ObservationMapping.of(Sessions.session(longId, "2026-11-21T07:31:00Z")).get(0).getIdPart();
        assertThat(id).matches("h[0-9a-f]{32}-pain-before").isEqualTo(ObservationMapping.idOf(longId, "pain-before"));
        assertThat(ObservationMapping.of(Sessions.session(longId, "2026-11-21T07:31:00Z")).get(0).getIdentifierFirstRep().getValue())
                .isEqualTo("clinic-7/" + longId);
        assertThat(FhirValidation.errors(ObservationMapping.of(Sessions.session(longId, "2026-11-21T07:31:00Z")).get(0))).isEmpty();
    }

    @Test
    void aSearchsetBundleOfThemValidatesAndLoinCIsAtMostAWarning() {
        Bundle bundle = new Bundle().setType(Bundle.BundleType.SEARCHSET);
        bundle.addLink().setRelation("self").setUrl("http://localhost/fhir/r4/Observation?patient=patient-42&_count=50");
        bundle.addLink().setRelation("next").setUrl("http://localhost/fhir/r4/Observation?patient=patient-42&_count=50&_cursor=abc");
        for (RecordedSession s : List.of(Sessions.session("s-1", "2026-11-20T07:31:00Z"),
                Sessions.session("s-2", "2026-11-21T07:31:00Z", 3, 1, new SymptomFlags(false, false, false, true)))) {
            ObservationMapping.of(s).forEach(o -> bundle.addEntry().setFullUrl("http://localhost/fhir/r4/Observation/" + o.getIdPart())
                    .setResource(o).getSearch().setMode(Bundle.SearchEntryMode.MATCH));
        }
        String json = FhirContext.forR4Cached().newJsonParser().encodeResourceToString(bundle);
        assertThat(FhirValidation.errors(json)).isEmpty();
        assertThat(FhirValidation.errors(bundle)).isEmpty();
    }
}
